package dev.hikyaku.smime.wizard;

import dev.hikyaku.smime.request.EmailAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * Whose certificate the wizard gets.
 *
 * @param address     the mailbox
 * @param displayName the name for the request's subject, when the user gave one
 */
public record Account(EmailAddress address, Optional<String> displayName) {

    /** Checks that nothing is missing. */
    public Account {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(displayName, "displayName");
    }
}
