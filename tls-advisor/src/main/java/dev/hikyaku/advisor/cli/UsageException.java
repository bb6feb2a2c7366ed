package dev.hikyaku.advisor.cli;

/** The command line or a file it names cannot be used; {@code messageKey} names the sentence that says why. */
final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String messageKey;
    private final transient Object[] values;

    UsageException(String messageKey, Object... values) {
        super(messageKey);
        this.messageKey = messageKey;
        this.values = values.clone();
    }

    String messageKey() {
        return messageKey;
    }

    Object[] values() {
        return values.clone();
    }
}
