package dev.hikyaku.advisor.cli;

/** The command line or a file it names cannot be used; {@code messageKey} names the sentence that says why. */
final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String messageKey;
    private final String value;

    UsageException(String messageKey, String value) {
        super(messageKey + ": " + value);
        this.messageKey = messageKey;
        this.value = value;
    }

    String messageKey() {
        return messageKey;
    }

    String value() {
        return value;
    }
}
