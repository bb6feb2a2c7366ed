package dev.hikyaku.gateway.delivery;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One reply of the upstream server, parsed and made safe to relay.
 *
 * @param code     the reply code, or -1 when the server sent none (the connection ended) or nonsense
 * @param enhanced the RFC 3463 enhanced status code of the first line, or empty
 * @param text     the text of every line joined by spaces, printable US-ASCII, without codes
 */
record UpstreamReply(int code, String enhanced, String text) {

    private static final Pattern LINE = Pattern.compile("([0-9]{3})[ -]?(.*)");
    private static final Pattern ENHANCED = Pattern.compile("([245]\\.[0-9]{1,3}\\.[0-9]{1,3})(?: +|$)(.*)");

    /** Parses the reply as Angus keeps it: the lines of one reply, each ended by a line feed. */
    static UpstreamReply parse(int code, String response) {
        String enhanced = "";
        StringBuilder text = new StringBuilder();
        String[] lines = response == null ? new String[0] : response.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            Matcher numbered = LINE.matcher(line);
            if (numbered.matches()) {
                line = numbered.group(2);
            }
            Matcher status = ENHANCED.matcher(line);
            if (status.matches()) {
                if (i == 0) {
                    enhanced = status.group(1);
                }
                line = status.group(2);
            }
            if (!line.isBlank()) {
                text.append(text.length() == 0 ? "" : " ").append(line);
            }
        }
        boolean valid = code >= 200 && code <= 599;
        return new UpstreamReply(valid ? code : -1, enhanced, Printable.ascii(text.toString(), Printable.MAX_ARGUMENT));
    }

    /** Whether the code says the command succeeded (2xx). */
    boolean positive() {
        return code >= 200 && code < 300;
    }

    /** Whether the code is a temporary failure (4xx). */
    boolean transientFailure() {
        return code >= 400 && code < 500;
    }

    /** Whether the code is a permanent failure (5xx). */
    boolean permanentFailure() {
        return code >= 500 && code < 600;
    }

    /** The reply as one line, e.g. {@code 550 5.1.1 No such user}. */
    String line() {
        StringBuilder line = new StringBuilder(code < 0 ? "(no reply)" : Integer.toString(code));
        if (!enhanced.isEmpty()) {
            line.append(' ').append(enhanced);
        }
        if (!text.isEmpty()) {
            line.append(' ').append(text);
        }
        return line.toString();
    }
}
