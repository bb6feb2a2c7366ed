package dev.hikyaku.gateway.cli;

/** A command line the headless gateway cannot understand; the key names the message to show. */
public final class UsageException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String messageKey;
    private final String value;

    UsageException(String messageKey, String value) {
        super(messageKey + ": " + value);
        this.messageKey = messageKey;
        this.value = value;
    }

    /** The resource-bundle key of the message. */
    public String messageKey() {
        return messageKey;
    }

    /** What the user typed that was not understood. */
    public String value() {
        return value;
    }
}
