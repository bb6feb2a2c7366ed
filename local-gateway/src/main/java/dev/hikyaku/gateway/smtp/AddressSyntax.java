package dev.hikyaku.gateway.smtp;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Basic RFC 5321 mailbox checks (with RFC 6531 UTF-8 when the client declared SMTPUTF8): a dot-string or
 * quoted local part, a domain of letter-digit-hyphen labels or an address literal, and the length limits.
 */
public final class AddressSyntax {
    private static final int MAX_ADDRESS = 254;
    private static final int MAX_LOCAL_PART = 64;
    private static final int MAX_DOMAIN = 255;
    private static final int MAX_LABEL = 63;
    private static final String ATEXT_SPECIALS = "!#$%&'*+-/=?^_`{|}~";

    private AddressSyntax() {
    }

    /** Whether {@code address} holds anything beyond US-ASCII (allowed only with SMTPUTF8). */
    static boolean isAscii(String address) {
        return address.chars().allMatch(c -> c < 0x80);
    }

    /** What is wrong with {@code address}, in words for the reply, or empty when it looks like a mailbox. */
    public static Optional<String> problem(String address, boolean utf8) {
        if (octets(address) > MAX_ADDRESS) {
            return Optional.of("the address is longer than " + MAX_ADDRESS + " octets");
        }
        int at = address.lastIndexOf('@');
        if (at < 0) {
            return Optional.of("the address has no @domain part");
        }
        String local = address.substring(0, at);
        String domain = address.substring(at + 1);
        if (local.isEmpty() || octets(local) > MAX_LOCAL_PART) {
            return Optional.of("the part before @ must have 1 to " + MAX_LOCAL_PART + " octets");
        }
        if (!(local.startsWith("\"") ? validQuoted(local, utf8) : validDotString(local, utf8))) {
            return Optional.of("the part before @ has characters that are not allowed there");
        }
        if (domain.isEmpty() || octets(domain) > MAX_DOMAIN) {
            return Optional.of("the domain must have 1 to " + MAX_DOMAIN + " octets");
        }
        if (!(domain.startsWith("[") ? validLiteral(domain) : validDomain(domain, utf8))) {
            return Optional.of("the domain is not a valid host name or address literal");
        }
        return Optional.empty();
    }

    private static boolean validDotString(String local, boolean utf8) {
        if (local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
            return false;
        }
        return local.codePoints().allMatch(c -> c == '.' || isAtext(c, utf8));
    }

    private static boolean validQuoted(String local, boolean utf8) {
        if (local.length() < 2 || !local.endsWith("\"")) {
            return false;
        }
        String inner = local.substring(1, local.length() - 1);
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (c == '\\') {
                if (++i == inner.length() || inner.charAt(i) < 0x20 || inner.charAt(i) > 0x7e) {
                    return false;
                }
            } else if (c == '"' || !(c >= 0x20 && c <= 0x7e || utf8 && isUtf8Text(c))) {
                return false;
            }
        }
        return true;
    }

    private static boolean validLiteral(String domain) {
        if (domain.length() < 3 || !domain.endsWith("]")) {
            return false;
        }
        return domain.substring(1, domain.length() - 1).chars()
                .allMatch(c -> c >= 0x21 && c <= 0x7e && c != '[' && c != ']' && c != '\\');
    }

    private static boolean validDomain(String domain, boolean utf8) {
        for (String label : domain.split("\\.", -1)) {
            if (label.isEmpty() || octets(label) > MAX_LABEL || label.startsWith("-") || label.endsWith("-")) {
                return false;
            }
            if (!label.codePoints().allMatch(c -> c == '-' || isLetterOrDigit(c) || utf8 && isUtf8Text(c))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAtext(int c, boolean utf8) {
        return isLetterOrDigit(c) || ATEXT_SPECIALS.indexOf(c) >= 0 || utf8 && isUtf8Text(c);
    }

    private static boolean isLetterOrDigit(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    private static boolean isUtf8Text(int c) {
        return c >= 0x80 && !Character.isISOControl(c) && c != 0x2028 && c != 0x2029;
    }

    private static int octets(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
