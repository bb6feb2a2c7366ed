package dev.hikyaku.gateway.smtp;

import java.util.Objects;

/**
 * One SMTP reply.
 *
 * @param code     the three-digit reply code
 * @param enhanced the RFC 3463 enhanced status code such as {@code 2.0.0}, or empty for replies that have none
 *                 (the greeting, EHLO)
 * @param text     printable US-ASCII text
 */
public record Reply(int code, String enhanced, String text) {

    /** Validated reply. */
    public Reply {
        if (code < 200 || code > 599) {
            throw new IllegalArgumentException("reply code out of range: " + code);
        }
        Objects.requireNonNull(enhanced, "enhanced");
        Objects.requireNonNull(text, "text");
        if (!text.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("reply text must be printable US-ASCII");
        }
    }
}
