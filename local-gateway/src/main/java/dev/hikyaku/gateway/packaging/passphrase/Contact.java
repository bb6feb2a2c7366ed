package dev.hikyaku.gateway.packaging.passphrase;

import java.util.Locale;
import java.util.Objects;

/**
 * Whom an agreed passphrase is for: one address, or every address of a domain. Values are kept in lower case,
 * as mail is matched without regard to case in practice.
 *
 * @param kind  an address or a domain
 * @param value the address ({@code taro@example.co.jp}) or the domain ({@code example.co.jp})
 */
public record Contact(Kind kind, String value) {

    /** Whether a contact is one address or a whole domain. */
    public enum Kind { ADDRESS, DOMAIN }

    private static final int MAX_LENGTH = 320;

    /** Validated contact in lower case. */
    public Contact {
        Objects.requireNonNull(kind, "kind");
        value = Objects.requireNonNull(value, "value").strip().toLowerCase(Locale.ROOT);
        if (value.isEmpty() || value.length() > MAX_LENGTH || value.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            throw new IllegalArgumentException("a contact must be a non-empty address or domain without blanks");
        }
        int at = value.lastIndexOf('@');
        if (kind == Kind.ADDRESS && (at <= 0 || at == value.length() - 1)) {
            throw new IllegalArgumentException("an address needs a local part and a domain");
        }
        if (kind == Kind.DOMAIN && value.indexOf('@') >= 0) {
            throw new IllegalArgumentException("a domain holds no @");
        }
    }

    /** The contact for one address. */
    public static Contact address(String address) {
        return new Contact(Kind.ADDRESS, address);
    }

    /** The contact for every address of a domain; a leading {@code @} is dropped. */
    public static Contact domain(String domain) {
        String bare = domain.strip();
        return new Contact(Kind.DOMAIN, bare.startsWith("@") ? bare.substring(1) : bare);
    }
}
