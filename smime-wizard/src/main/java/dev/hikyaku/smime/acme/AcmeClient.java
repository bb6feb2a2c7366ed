package dev.hikyaku.smime.acme;

import dev.hikyaku.smime.request.EmailAddress;
import dev.hikyaku.smime.text.Notice;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.shredzone.acme4j.AccountBuilder;
import org.shredzone.acme4j.Authorization;
import org.shredzone.acme4j.Identifier;
import org.shredzone.acme4j.Login;
import org.shredzone.acme4j.Order;
import org.shredzone.acme4j.Session;
import org.shredzone.acme4j.Status;
import org.shredzone.acme4j.challenge.Challenge;
import org.shredzone.acme4j.exception.AcmeException;
import org.shredzone.acme4j.exception.AcmeLazyLoadingException;
import org.shredzone.acme4j.exception.AcmeNetworkException;
import org.shredzone.acme4j.exception.AcmeServerException;
import org.shredzone.acme4j.exception.AcmeUserActionRequiredException;

/**
 * Talks ACME (RFC 8555) with a CA through acme4j, for one email identifier (RFC 8823): the terms of service, the
 * account and order, the challenge's digest and trigger, its state, and finalization with the chain's download.
 * Every failure becomes an {@link AcmeStepException} with a notice for the user.
 */
public final class AcmeClient {
    private static final int MAX_DETAIL = 200;

    private final Duration timeout;

    /** A client whose every HTTP exchange gives up after the timeout. */
    public AcmeClient(Duration timeout) {
        this.timeout = timeout;
    }

    /** The CA's terms of service, when its directory names them; reading the directory also proves the URL. */
    public Optional<URI> termsOfService(URI directory) throws AcmeStepException {
        try {
            return session(directory).getMetadata().getTermsOfService();
        } catch (AcmeException | RuntimeException e) {
            throw failure(e);
        }
    }

    /** Opens an account (agreeing to the terms the user was shown) and orders a certificate for the address. */
    public AcmeOrder order(URI directory, KeyPair accountKey, EmailAddress address) throws AcmeStepException {
        try {
            Login login = new AccountBuilder().agreeToTermsOfService().useKeyPair(accountKey).createLogin(session(directory));
            Order order = login.newOrder().identifier(new Identifier("email", address.toString())).create();
            List<Authorization> authorizations = order.getAuthorizations();
            if (authorizations.size() != 1) {
                throw new AcmeStepException(Notice.of("acme.noEmailChallenge"), null);
            }
            Challenge challenge = authorizations.get(0).getChallenges().stream()
                    .filter(candidate -> EmailReplyChallenge.TYPE.equals(candidate.getType())).findFirst()
                    .orElseThrow(() -> new AcmeStepException(Notice.of("acme.noEmailChallenge"), null));
            EmailReplyChallenge reply = new EmailReplyChallenge(login, challenge.getJSON());
            return new AcmeOrder(directory, login.getAccountLocation().toURI(), order.getLocation().toURI(),
                    challenge.getLocation().toURI(), reply.from());
        } catch (AcmeException | RuntimeException | URISyntaxException e) {
            throw failure(e);
        }
    }

    /** The digest for the response mail to the challenge mail with token part 1. */
    public String digest(AcmeOrder order, KeyPair accountKey, String tokenPart1) throws AcmeStepException {
        try {
            return challenge(order, accountKey).digest(tokenPart1);
        } catch (RuntimeException | MalformedURLException e) {
            throw failure(e);
        }
    }

    /** Tells the CA that the response mail is on its way. */
    public void trigger(AcmeOrder order, KeyPair accountKey) throws AcmeStepException {
        try {
            challenge(order, accountKey).trigger();
        } catch (AcmeException | RuntimeException | MalformedURLException e) {
            throw failure(e);
        }
    }

    /** Asks the CA once how the challenge stands. */
    public ChallengeState state(AcmeOrder order, KeyPair accountKey) throws AcmeStepException {
        try {
            EmailReplyChallenge challenge = challenge(order, accountKey);
            Status status = challenge.getStatus();
            if (status == Status.VALID) {
                return new ChallengeState.Valid();
            }
            if (status == Status.INVALID) {
                return new ChallengeState.Invalid(challenge.getError()
                        .map(problem -> clean(problem.getDetail().orElse(problem.getType().toString()))).orElse(""));
            }
            return new ChallengeState.Pending();
        } catch (RuntimeException | MalformedURLException e) {
            throw failure(e);
        }
    }

    /** Sends the request (DER) to be signed and downloads the certificate chain, leaf first. */
    public List<X509Certificate> finish(AcmeOrder order, KeyPair accountKey, byte[] request) throws AcmeStepException {
        try {
            Order bound = login(order, accountKey).bindOrder(order.order().toURL());
            bound.execute(request);
            Status status = bound.waitForCompletion(timeout);
            if (status != Status.VALID) {
                throw new AcmeStepException(Notice.of("acme.refused",
                        bound.getError().map(problem -> clean(problem.getDetail().orElse(""))).orElse(status.name())), null);
            }
            return bound.getCertificate().getCertificateChain();
        } catch (AcmeException | RuntimeException | MalformedURLException e) {
            throw failure(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AcmeStepException(Notice.of("acme.unreachable"), e);
        }
    }

    private EmailReplyChallenge challenge(AcmeOrder order, KeyPair accountKey) throws MalformedURLException {
        Login login = login(order, accountKey);
        return new EmailReplyChallenge(login, login.bindChallenge(order.challenge().toURL()).getJSON());
    }

    private Login login(AcmeOrder order, KeyPair accountKey) throws MalformedURLException {
        return session(order.directory()).login(order.account().toURL(), accountKey);
    }

    private Session session(URI directory) {
        Session session = new Session(directory);
        session.networkSettings().setTimeout(timeout);
        return session;
    }

    private static AcmeStepException failure(Exception e) {
        if (e instanceof AcmeStepException step) {
            return step;
        }
        if (e instanceof AcmeLazyLoadingException lazy && lazy.getCause() instanceof AcmeException cause) {
            return failure(cause);
        }
        Notice notice;
        if (e instanceof AcmeNetworkException) {
            notice = Notice.of("acme.unreachable");
        } else if (e instanceof AcmeUserActionRequiredException) {
            notice = Notice.of("acme.termsChanged");
        } else if (e instanceof AcmeServerException server) {
            notice = Notice.of("acme.refused", clean(server.getProblem().getDetail().orElse(server.getType().toString())));
        } else {
            // A protocol error, an unreadable answer or a failing library call: not an ACME CA that we can talk to.
            notice = Notice.of("acme.notAcme");
        }
        return new AcmeStepException(notice, e);
    }

    /** The CA's text, as shown to the user: printable, one line, short (it came from the network). */
    private static String clean(String detail) {
        String printable = detail.replaceAll("[\\p{Cntrl}\\p{Zl}\\p{Zp}]+", " ").strip();
        return printable.length() > MAX_DETAIL ? printable.substring(0, MAX_DETAIL) + "…" : printable;
    }
}
