package dev.hikyaku.gateway.mime;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes RFC 2047 encoded words in header text. Adjacent words in one charset are joined before decoding,
 * since Japanese mailers often split a character's bytes across two words; words glued to other text are
 * decoded too, as common mail software does.
 */
final class EncodedWords {
    private static final Pattern WORD = Pattern.compile("=\\?([^?\\s]{1,60})\\?([BbQq])\\?([^?\\s]*)\\?=");

    private EncodedWords() {
    }

    /** The text with its encoded words decoded; unknown charsets are noted and guessed. */
    static String decode(String text, ProblemLog problems, String position) {
        if (!text.contains("=?")) {
            return text;
        }
        StringBuilder decoded = new StringBuilder(text.length());
        Matcher word = WORD.matcher(text);
        int copied = 0;
        String pendingCharset = null;
        ByteArrayOutputStream pendingBytes = new ByteArrayOutputStream();
        while (word.find()) {
            String between = text.substring(copied, word.start());
            boolean adjacent = pendingCharset != null && between.isBlank();
            if (!adjacent) {
                flush(pendingCharset, pendingBytes, decoded, problems, position);
                pendingCharset = null;
                decoded.append(between);
            }
            String charset = word.group(1);
            if (pendingCharset != null && !pendingCharset.equalsIgnoreCase(charset)) {
                flush(pendingCharset, pendingBytes, decoded, problems, position);
            }
            pendingCharset = charset;
            byte[] bytes = word.group(2).equalsIgnoreCase("B")
                    ? Base64Decoding.decode(word.group(3))
                    : QuotedPrintableDecoding.decodeWord(word.group(3));
            pendingBytes.writeBytes(bytes);
            copied = word.end();
        }
        flush(pendingCharset, pendingBytes, decoded, problems, position);
        decoded.append(text, copied, text.length());
        return decoded.toString();
    }

    private static void flush(String charsetLabel, ByteArrayOutputStream bytes, StringBuilder decoded,
                              ProblemLog problems, String position) {
        if (charsetLabel == null) {
            return;
        }
        byte[] raw = bytes.toByteArray();
        bytes.reset();
        Optional<Charset> charset = MailCharsets.forLabel(charsetLabel);
        if (charset.isEmpty()) {
            problems.add(Problem.Kind.UNKNOWN_CHARSET, position, charsetLabel);
            decoded.append(MailCharsets.guess(raw, raw.length));
        } else {
            decoded.append(MailCharsets.decode(raw, raw.length, charset.get()));
        }
    }
}
