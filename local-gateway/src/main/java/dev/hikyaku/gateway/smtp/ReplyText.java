package dev.hikyaku.gateway.smtp;

/** Makes text from elsewhere (the upstream server, an error) safe to put in an SMTP reply line. */
final class ReplyText {
    private ReplyText() {
    }

    /**
     * {@code text} with everything but printable US-ASCII replaced by {@code ?}, cut to {@code maxLength},
     * or {@code fallback} when nothing printable is left.
     */
    static String printable(String text, int maxLength, String fallback) {
        StringBuilder clean = new StringBuilder(Math.min(text.length(), maxLength));
        for (int i = 0; i < text.length() && clean.length() < maxLength; i++) {
            char c = text.charAt(i);
            clean.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        String result = clean.toString().strip();
        return result.isEmpty() ? fallback : result;
    }
}
