package dev.hikyaku.gateway.mime;

import java.util.Locale;
import java.util.Objects;

/**
 * One mailbox from an address header.
 *
 * @param address     the addr-spec as written, such as {@code taro@example.co.jp}; may be malformed in hostile mail
 * @param displayName the decoded display name, or empty when there is none
 */
public record MailAddress(String address, String displayName) {

    /** Validated address. */
    public MailAddress {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(displayName, "displayName");
    }

    /** The part after the last {@code @}, lower-cased, or empty when the address has none. */
    public String domain() {
        int at = address.lastIndexOf('@');
        return at < 0 ? "" : address.substring(at + 1).toLowerCase(Locale.ROOT);
    }
}
