package dev.hikyaku.advisor.probe;

import java.util.List;

/**
 * One (possibly multi-line) SMTP reply.
 *
 * @param code  the three-digit reply code
 * @param lines the text of each line, without the code and separator
 */
public record SmtpReply(int code, List<String> lines) {

    /** Copies the lines. */
    public SmtpReply {
        lines = List.copyOf(lines);
    }

    /** Whether the code is 2xx. */
    public boolean positive() {
        return code >= 200 && code < 300;
    }

    /** The reply as one printable line, for evidence: code and first line, cut to a sane length. */
    public String summary() {
        String first = lines.isEmpty() ? "" : lines.get(0);
        String text = code + " " + first;
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
