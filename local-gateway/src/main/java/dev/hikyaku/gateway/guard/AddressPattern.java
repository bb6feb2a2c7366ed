package dev.hikyaku.gateway.guard;

import java.net.IDN;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A mail address ({@code taro@example.co.jp}) or a whole domain ({@code example.co.jp}) in a guard list. A
 * domain also covers its subdomains ({@code osaka.example.co.jp}); letters compare without case and
 * international domain names in either form (Unicode or {@code xn--}).
 *
 * @param localPart the part before {@code @}, or empty for every address of the domain
 * @param domain    the domain in ASCII ({@code xn--} for international names), lower case
 */
public record AddressPattern(String localPart, String domain) {
    private static final Pattern LABEL = Pattern.compile("[\\p{L}\\p{N}](?:[\\p{L}\\p{N}\\-]{0,61}[\\p{L}\\p{N}])?");
    private static final Pattern LOCAL_PART = Pattern.compile("[^@\\s\"(),:;<>\\[\\]\\\\]{1,64}");

    /** Validated pattern. */
    public AddressPattern {
        Objects.requireNonNull(localPart, "localPart");
        Objects.requireNonNull(domain, "domain");
        if (domain.isEmpty()) {
            throw new IllegalArgumentException("empty domain");
        }
    }

    /**
     * The pattern written as {@code text}: an address, or a domain optionally written {@code @example.jp} or
     * {@code *.example.jp}.
     *
     * @throws IllegalArgumentException when it is neither
     */
    public static AddressPattern parse(String text) {
        String written = text.strip();
        int at = written.lastIndexOf('@');
        String local = at < 0 ? "" : written.substring(0, at);
        String domain = at < 0 ? written : written.substring(at + 1);
        if (at < 0 && domain.startsWith("*.")) {
            domain = domain.substring(2);
        }
        if (!local.isEmpty() && !LOCAL_PART.matcher(local).matches()) {
            throw new IllegalArgumentException("not an address: " + text);
        }
        return new AddressPattern(local, domainName(domain));
    }

    /** Whether this pattern names a whole domain rather than one address. */
    public boolean wholeDomain() {
        return localPart.isEmpty();
    }

    /** Whether {@code address} (as written in an envelope or header) is covered by this pattern. */
    public boolean matches(String address) {
        int at = address.lastIndexOf('@');
        if (at <= 0) {
            return false;
        }
        if (!localPart.isEmpty() && !localPart.equalsIgnoreCase(address.substring(0, at))) {
            return false;
        }
        String other = canonical(address.substring(at + 1));
        return other.equals(domain) || other.endsWith("." + domain);
    }

    @Override
    public String toString() {
        return localPart.isEmpty() ? domain : localPart + "@" + domain;
    }

    /** A domain name from configuration, validated and in canonical form. */
    private static String domainName(String text) {
        String name = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
        if (name.isEmpty() || name.length() > 253) {
            throw new IllegalArgumentException("not a domain: " + text);
        }
        for (String label : name.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                throw new IllegalArgumentException("not a domain: " + text);
            }
        }
        return canonical(name);
    }

    /** Lower-case ASCII form of a domain; one that IDNA refuses stays as written, lower-cased (it matches nothing). */
    private static String canonical(String domain) {
        String lower = domain.toLowerCase(Locale.ROOT);
        String trimmed = lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
        try {
            return IDN.toASCII(trimmed, IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException e) {
            return trimmed;
        }
    }
}
