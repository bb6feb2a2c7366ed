package dev.hikyaku.advisor.mtasts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Parses the body of {@code /.well-known/mta-sts.txt} (RFC 8461 section 3.2), strictly but tolerating LF lines. */
public final class MtaStsPolicyParser {
    /** RFC 8461 caps max_age at one year; larger values are a syntax error, not a clamp. */
    public static final long MAX_AGE_CAP_SECONDS = 31_557_600L;

    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,31}");
    private static final Pattern MAX_AGE = Pattern.compile("[0-9]{1,10}");
    // A policy host: an optional "*." then LDH labels; no IP literals, no trailing dot.
    private static final Pattern MX_HOST = Pattern.compile(
            "(\\*\\.)?([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

    /** Parses {@code body}; throws with the first fault found. */
    public MtaStsPolicy parse(String body) throws PolicySyntaxException {
        String version = null;
        MtaStsMode mode = null;
        Long maxAge = null;
        List<MxPattern> mx = new ArrayList<>();
        int lineNumber = 0;
        for (String line : body.split("\r?\n", -1)) {
            lineNumber++;
            if (line.isEmpty()) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw new PolicySyntaxException("line " + lineNumber + " is not 'key: value'");
            }
            String key = line.substring(0, colon);
            String value = line.substring(colon + 1).strip();
            if (!FIELD_NAME.matcher(key).matches()) {
                throw new PolicySyntaxException("line " + lineNumber + " has an invalid field name");
            }
            switch (key) {
                case "version" -> version = once(version, value, "version");
                case "mode" -> mode = once(mode, parseMode(value), "mode");
                case "max_age" -> maxAge = once(maxAge, parseMaxAge(value), "max_age");
                case "mx" -> mx.add(parseMx(value));
                default -> {
                    // Unknown fields are extensions; RFC 8461 says to ignore them.
                }
            }
        }
        if (!"STSv1".equals(version)) {
            throw new PolicySyntaxException(version == null ? "no version field" : "version is not STSv1");
        }
        if (mode == null) {
            throw new PolicySyntaxException("no mode field");
        }
        if (maxAge == null) {
            throw new PolicySyntaxException("no max_age field");
        }
        if (mx.isEmpty() && mode != MtaStsMode.NONE) {
            throw new PolicySyntaxException("no mx field, which mode " + mode.name().toLowerCase(Locale.ROOT) + " requires");
        }
        return new MtaStsPolicy(mode, Duration.ofSeconds(maxAge), mx);
    }

    private static <T> T once(T previous, T value, String field) throws PolicySyntaxException {
        if (previous != null) {
            throw new PolicySyntaxException("field " + field + " appears twice");
        }
        return value;
    }

    private static MtaStsMode parseMode(String value) throws PolicySyntaxException {
        return switch (value) {
            case "enforce" -> MtaStsMode.ENFORCE;
            case "testing" -> MtaStsMode.TESTING;
            case "none" -> MtaStsMode.NONE;
            default -> throw new PolicySyntaxException("mode '" + printable(value) + "' is not enforce, testing or none");
        };
    }

    private static Long parseMaxAge(String value) throws PolicySyntaxException {
        if (!MAX_AGE.matcher(value).matches()) {
            throw new PolicySyntaxException("max_age is not a number of seconds");
        }
        long seconds = Long.parseLong(value);
        if (seconds > MAX_AGE_CAP_SECONDS) {
            throw new PolicySyntaxException("max_age exceeds one year (31557600 s)");
        }
        return seconds;
    }

    private static MxPattern parseMx(String value) throws PolicySyntaxException {
        // An all-digit last label would make it an IPv4 literal, which policies may not name.
        if (value.length() > 253 || !MX_HOST.matcher(value).matches() || value.matches(".*\\.[0-9]+")) {
            throw new PolicySyntaxException("mx '" + printable(value) + "' is not a host name or *. pattern");
        }
        return new MxPattern(value);
    }

    // Values come from the network: keep them short and free of control characters in messages.
    private static String printable(String value) {
        String cut = value.length() > 40 ? value.substring(0, 40) + "..." : value;
        return cut.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
