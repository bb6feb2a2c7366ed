package dev.hikyaku.smime.acme;

import java.net.URI;
import java.util.Objects;

/**
 * An order at an ACME CA for one email identifier, as far as the wizard keeps it between restarts (all public:
 * the account key that proves who may use these URLs is kept encrypted elsewhere).
 *
 * @param directory      the CA's directory URL
 * @param account        the account's URL
 * @param order          the order's URL
 * @param challenge      the email-reply-00 challenge's URL
 * @param expectedSender the address the CA's challenge mail comes from
 */
public record AcmeOrder(URI directory, URI account, URI order, URI challenge, String expectedSender) {

    /** Checks that nothing is missing. */
    public AcmeOrder {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(challenge, "challenge");
        Objects.requireNonNull(expectedSender, "expectedSender");
    }
}
