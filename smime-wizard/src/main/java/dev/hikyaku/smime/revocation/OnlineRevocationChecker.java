package dev.hikyaku.smime.revocation;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Asks the sources a certificate names: its OCSP responders first (small, current answers), then its CRL distribution
 * points (RFC 5280) when no responder settles it. A settled answer is remembered until the source's nextUpdate (a
 * revocation for good). When no source answers trustworthily the status is {@link RevocationStatus.NotChecked} with
 * the most telling reason, never a guessed "good".
 *
 * <p>The status is the current one: the instant passed to {@link #check} is not used to excuse a revocation that
 * came after it, because a signing time is the signer's own claim and a thief of the key would backdate it.
 */
public final class OnlineRevocationChecker implements RevocationChecker {
    private static final int MAX_REMEMBERED = 4096;

    private final OcspQuery ocsp;
    private final CrlQuery crls;
    private final Clock clock;
    private final Map<String, SourceAnswer.Settled> remembered = new ConcurrentHashMap<>();

    /**
     * A checker.
     *
     * @param client   the HTTP client to ask with (see {@link #client})
     * @param crlCache a folder to keep CRLs in across restarts, or empty to keep them in memory only
     * @param settings timeouts and size limits
     * @param clock    the current time, against which answers must be fresh
     */
    public OnlineRevocationChecker(HttpClient client, Optional<Path> crlCache, RevocationSettings settings, Clock clock) {
        RevocationHttp http = new RevocationHttp(client, settings.requestTimeout());
        this.ocsp = new OcspQuery(http, settings, clock);
        this.crls = new CrlQuery(http, new CrlCache(crlCache, settings.maxCrlBytes()), settings, clock);
        this.clock = clock;
    }

    /** A checker with its own HTTP client and the default limits. */
    public static OnlineRevocationChecker create(Optional<Path> crlCache, Clock clock) {
        RevocationSettings settings = RevocationSettings.defaults();
        return new OnlineRevocationChecker(client(settings), crlCache, settings, clock);
    }

    /** The HTTP client the settings call for: their connect timeout, no redirects. */
    public static HttpClient client(RevocationSettings settings) {
        return RevocationHttp.client(settings.connectTimeout());
    }

    /**
     * The checker the user's choice calls for: online, or {@link RevocationChecker#offline()} for users (and tests)
     * that want nothing asked on the network.
     */
    public static RevocationChecker choose(boolean online, Optional<Path> crlCache, Clock clock) {
        return online ? create(crlCache, clock) : RevocationChecker.offline();
    }

    @Override
    public RevocationStatus check(X509Certificate certificate, X509Certificate issuer, Instant at) {
        Instant now = clock.instant();
        String key = fingerprint(certificate) + "/" + fingerprint(issuer);
        SourceAnswer.Settled known = remembered.get(key);
        if (known != null && !now.isAfter(known.until())) {
            return known.status();
        }
        RevocationPointers pointers = RevocationPointers.of(certificate);
        if (pointers.isEmpty()) {
            return new RevocationStatus.NotChecked(RevocationStatus.Reason.NO_SOURCE);
        }
        RevocationStatus.Reason reason = RevocationStatus.Reason.UNREACHABLE;
        for (URI responder : pointers.ocsp()) {
            SourceAnswer answer = ocsp.ask(responder, certificate, issuer);
            if (answer instanceof SourceAnswer.Settled settled) {
                return remember(key, settled);
            }
            reason = telling(reason, ((SourceAnswer.Unusable) answer).reason());
        }
        for (URI point : pointers.crls()) {
            SourceAnswer answer = crls.ask(point, certificate, issuer);
            if (answer instanceof SourceAnswer.Settled settled) {
                return remember(key, settled);
            }
            reason = telling(reason, ((SourceAnswer.Unusable) answer).reason());
        }
        return new RevocationStatus.NotChecked(reason);
    }

    private RevocationStatus remember(String key, SourceAnswer.Settled settled) {
        if (remembered.size() >= MAX_REMEMBERED) {
            remembered.clear();
        }
        remembered.put(key, settled);
        return settled.status();
    }

    // A forged or stale answer says more than silence, and "unknown" more than silence too.
    private static RevocationStatus.Reason telling(RevocationStatus.Reason one, RevocationStatus.Reason other) {
        return rank(other) > rank(one) ? other : one;
    }

    private static int rank(RevocationStatus.Reason reason) {
        return switch (reason) {
            case INVALID_ANSWER -> 3;
            case UNKNOWN_TO_SOURCE -> 2;
            case UNREACHABLE -> 1;
            case OFFLINE, NO_SOURCE -> 0;
        };
    }

    private static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("SHA-256 over a parsed certificate cannot fail", e);
        }
    }
}
