package dev.hikyaku.advisor.route;

import java.net.IDN;
import java.util.Locale;

/** A recipient domain as DNS sees it: lower-case A-labels without a trailing dot, from an address or a domain. */
public record RecipientDomain(String ascii) {

    /** Checks the form, so a typo is reported before any lookup. */
    public RecipientDomain {
        if (!ascii.matches("(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z0-9-]{2,63}")) {
            throw new IllegalArgumentException(ascii);
        }
    }

    /**
     * Parses {@code user@例え.jp}, {@code Example.JP.} or {@code xn--r8jz45g.jp}.
     *
     * @throws IllegalArgumentException with the offending text when it is not a usable mail domain
     */
    public static RecipientDomain parse(String addressOrDomain) {
        String text = addressOrDomain.strip();
        int at = text.lastIndexOf('@');
        String domain = at >= 0 ? text.substring(at + 1) : text;
        if (domain.endsWith(".")) {
            domain = domain.substring(0, domain.length() - 1);
        }
        if (domain.isEmpty() || domain.startsWith("[")) {
            throw new IllegalArgumentException(addressOrDomain);
        }
        try {
            return new RecipientDomain(IDN.toASCII(domain, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(addressOrDomain, e);
        }
    }

    @Override
    public String toString() {
        return ascii;
    }
}
