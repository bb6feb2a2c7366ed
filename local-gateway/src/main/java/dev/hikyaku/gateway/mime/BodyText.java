package dev.hikyaku.gateway.mime;

/** The body text gathered from a message's text parts, cut at the limit. */
final class BodyText {
    private final int maxChars;
    private final StringBuilder text = new StringBuilder();

    BodyText(int maxChars) {
        this.maxChars = maxChars;
    }

    /** How many more characters fit. */
    int remaining() {
        return maxChars - text.length();
    }

    /** Appends one part's text, separated from the previous part's; returns false when it did not all fit. */
    boolean append(String partText) {
        if (partText.isEmpty()) {
            return true;
        }
        if (text.length() > 0 && remaining() > 0) {
            text.append('\n');
        }
        int room = remaining();
        if (partText.length() <= room) {
            text.append(partText);
            return true;
        }
        int end = room;
        if (end > 0 && Character.isHighSurrogate(partText.charAt(end - 1))) {
            end--;
        }
        text.append(partText, 0, end);
        return false;
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
