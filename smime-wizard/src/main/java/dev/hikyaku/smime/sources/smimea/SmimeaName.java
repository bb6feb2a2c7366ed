package dev.hikyaku.smime.sources.smimea;

import dev.hikyaku.smime.request.EmailAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;

/**
 * The DNS name of a mailbox's SMIMEA records (RFC 8162 section 3): the SHA-256 of the local part truncated to 28
 * octets, in hex, then {@code _smimecert} and the domain.
 */
public final class SmimeaName {
    private static final int TRUNCATED_OCTETS = 28;

    private SmimeaName() {
    }

    /** The owner name for the address, absolute. */
    public static Name of(EmailAddress address) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(address.localPart().getBytes(StandardCharsets.UTF_8));
            String label = HexFormat.of().formatHex(digest, 0, TRUNCATED_OCTETS);
            return Name.fromString(label + "._smimecert." + address.domain() + ".");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        } catch (TextParseException e) {
            throw new IllegalArgumentException("an address that parsed gives a valid name: " + address, e);
        }
    }
}
