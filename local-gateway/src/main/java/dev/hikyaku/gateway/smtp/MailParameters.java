package dev.hikyaku.gateway.smtp;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The ESMTP parameters of MAIL FROM this listener understands. {@code AUTH=} is accepted and ignored (the
 * gateway submits as the session's user); anything else is refused, since no other extension is offered.
 *
 * @param smtpUtf8     {@code SMTPUTF8} was given
 * @param eightBitMime {@code BODY=8BITMIME} was given
 * @param declaredSize the {@code SIZE} value, or -1 when none was given
 */
record MailParameters(boolean smtpUtf8, boolean eightBitMime, long declaredSize) {
    private static final int MAX_SIZE_DIGITS = 20;

    /** Parses the parameters after MAIL FROM:&lt;...&gt;. */
    static MailParameters parse(List<String> parameters) throws CommandRefusal {
        boolean smtpUtf8 = false;
        boolean eightBitMime = false;
        long size = -1;
        Set<String> seen = new HashSet<>();
        for (String parameter : parameters) {
            int equals = parameter.indexOf('=');
            String given = equals < 0 ? parameter : parameter.substring(0, equals);
            String value = equals < 0 ? null : parameter.substring(equals + 1);
            if (!given.matches("[A-Za-z0-9][A-Za-z0-9-]*")) {
                throw new CommandRefusal(501, "5.5.4", "Bad MAIL parameter syntax: use KEYWORD or KEYWORD=value");
            }
            String keyword = given.toUpperCase(Locale.ROOT);
            if (!seen.add(keyword)) {
                throw new CommandRefusal(501, "5.5.4", "MAIL parameter " + shown(keyword) + " was given twice");
            }
            switch (keyword) {
                case "SIZE" -> size = size(value);
                case "BODY" -> eightBitMime = body(value);
                case "SMTPUTF8" -> {
                    if (value != null) {
                        throw new CommandRefusal(501, "5.5.4", "SMTPUTF8 takes no value");
                    }
                    smtpUtf8 = true;
                }
                case "AUTH" -> {
                    // RFC 4954 AUTH= names who submitted; the session's own AUTH already says that.
                }
                default -> throw new CommandRefusal(555, "5.5.4", "MAIL parameter " + shown(keyword)
                        + " is not supported here; only SIZE, BODY, SMTPUTF8 and AUTH are");
            }
        }
        return new MailParameters(smtpUtf8, eightBitMime, size);
    }

    private static long size(String value) throws CommandRefusal {
        if (value == null || !value.matches("[0-9]{1," + MAX_SIZE_DIGITS + "}")) {
            throw new CommandRefusal(501, "5.5.4", "SIZE needs the message size in octets, such as SIZE=1000");
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            // Twenty digits may overflow a long; such a size is over any limit anyway.
            return Long.MAX_VALUE;
        }
    }

    private static boolean body(String value) throws CommandRefusal {
        if ("7BIT".equalsIgnoreCase(value)) {
            return false;
        }
        if ("8BITMIME".equalsIgnoreCase(value)) {
            return true;
        }
        throw new CommandRefusal(555, "5.5.4", "BODY must be 7BIT or 8BITMIME (BINARYMIME is not offered)");
    }

    private static String shown(String keyword) {
        return ReplyText.printable(keyword, 40, "?");
    }
}
