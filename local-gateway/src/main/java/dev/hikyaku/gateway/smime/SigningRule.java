package dev.hikyaku.gateway.smime;

import dev.hikyaku.gateway.guard.Reason;
import dev.hikyaku.smime.cms.SmimeVerifier;
import dev.hikyaku.smime.identity.Identity;
import dev.hikyaku.smime.identity.IdentityStore;
import dev.hikyaku.smime.wizard.SmimeSettings;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeBodyPart;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which mail the gateway signs, as the wizard's {@code smime.conf} says: with {@code smime.sign = yes}, every message
 * whose envelope sender or From is {@code smime.address}, unless the mail client signed it already. The identity
 * that signs is the one {@code smime.identity} names while it may sign, else the store's choice for the address.
 */
public final class SigningRule {
    private final Optional<SmimeSettings> settings;
    private final Clock clock;

    /** The rule of {@code settings} (empty: nothing is signed); {@code clock} tells whether an identity is valid. */
    public SigningRule(Optional<SmimeSettings> settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** The rule of the {@code smime.conf} in {@code dataDirectory}, read once. */
    public static SigningRule read(Path dataDirectory, Clock clock) throws IOException {
        return new SigningRule(SmimeSettings.read(dataDirectory), clock);
    }

    /** The address to sign {@code message} (a spool file) as, when it must be signed. */
    public Optional<String> signAs(String envelopeSender, Path message) throws IOException {
        if (settings.isEmpty() || !settings.get().signOutgoing()) {
            return Optional.empty();
        }
        String address = settings.get().address();
        InternetHeaders headers;
        try (InputStream in = Files.newInputStream(message)) {
            headers = new InternetHeaders(in);
        } catch (MessagingException e) {
            throw new IOException("the message headers cannot be read: " + e.getMessage(), e);
        }
        boolean ours = envelopeSender.equalsIgnoreCase(address) || from(headers).equalsIgnoreCase(address);
        if (!ours || alreadySigned(headers)) {
            return Optional.empty();
        }
        return Optional.of(address);
    }

    /** The identity that signs for {@code address} now, if one may. */
    public Optional<Identity> signer(IdentityStore store, String address) {
        Optional<Identity> named = settings.flatMap(found -> store.history(address).stream()
                .filter(identity -> identity.fingerprint().equalsIgnoreCase(found.identity())).findFirst())
                .filter(identity -> identity.canSignAt(clock.instant()));
        return named.or(() -> store.signing(address));
    }

    /** Why {@code address} cannot sign now: no identity at all, or only expired (or not yet valid) ones. */
    public Reason whyNot(IdentityStore store, String address) {
        List<Identity> history = store.history(address);
        if (history.isEmpty()) {
            return Reason.of("smime.note.noIdentity", address);
        }
        String until = history.get(0).certificate().notAfter().atOffset(ZoneOffset.UTC).toLocalDate().toString();
        return Reason.of("smime.note.identityExpired", address, until);
    }

    private static String from(InternetHeaders headers) {
        String from = headers.getHeader("From", ",");
        if (from == null) {
            return "";
        }
        try {
            InternetAddress[] addresses = InternetAddress.parseHeader(from, false);
            return addresses.length == 1 && addresses[0].getAddress() != null
                    ? addresses[0].getAddress().toLowerCase(Locale.ROOT) : "";
        } catch (MessagingException e) {
            return "";
        }
    }

    private static boolean alreadySigned(InternetHeaders headers) {
        String type = headers.getHeader("Content-Type", null);
        if (type == null) {
            return false;
        }
        try {
            MimeBodyPart probe = new MimeBodyPart();
            probe.setHeader("Content-Type", type);
            return SmimeVerifier.isSigned(probe);
        } catch (MessagingException e) {
            return false;
        }
    }
}
