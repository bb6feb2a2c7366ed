package dev.hikyaku.app.i18n;

/** The main window's texts, by their key in {@code dev/hikyaku/app/messages*.properties}. */
public enum MessageKey implements TextKey {
    /** The window title. */
    WINDOW_TITLE("window.title"),
    /** The status tab's title. */
    STATUS_TAB("tab.status"),
    /** The heading of the status area. */
    STATUS_HEADING("status.heading"),
    /** The mode line when no upstream server is configured. */
    STATUS_SANDBOX("status.sandbox"),
    /** The mode line when an upstream server is configured. */
    STATUS_UPSTREAM("status.upstream"),
    /** The label before the submission address. */
    SUBMISSION_LABEL("submission.label"),
    /** What the screen reader says for the submission address. */
    SUBMISSION_ACCESSIBLE("submission.accessible"),
    /** The mode line when the configuration could not be read. */
    STATUS_UNKNOWN("status.unknown"),
    /** The gateway line while the listener is being opened. */
    GATEWAY_STARTING("gateway.starting"),
    /** The gateway line while the listener runs. */
    GATEWAY_RUNNING("gateway.running"),
    /** The gateway line when another gateway of the user holds the data folder. */
    GATEWAY_ALREADY_RUNNING("gateway.alreadyRunning"),
    /** The gateway line when the listener could not be opened. */
    GATEWAY_CANNOT_START("gateway.cannotStart"),
    /** The gateway line while the user has paused it. */
    GATEWAY_PAUSED("gateway.paused"),
    /** The gateway line when the configuration file holds a mistake. */
    GATEWAY_BAD_CONFIGURATION("gateway.badConfiguration"),
    /** The localhost certificate's fingerprint line. */
    GATEWAY_FINGERPRINT("gateway.fingerprint"),
    /** The label of the language switch, with its mnemonic. */
    LANGUAGE_LABEL("language.label"),
    /** The Japanese choice, with its mnemonic. */
    LANGUAGE_JAPANESE("language.japanese"),
    /** What the screen reader says for the Japanese choice. */
    LANGUAGE_JAPANESE_ACCESSIBLE("language.japanese.accessible"),
    /** The English choice, with its mnemonic. */
    LANGUAGE_ENGLISH("language.english"),
    /** What the screen reader says for the English choice. */
    LANGUAGE_ENGLISH_ACCESSIBLE("language.english.accessible");

    private final String key;

    MessageKey(String key) {
        this.key = key;
    }

    @Override
    public String bundle() {
        return Messages.BUNDLE;
    }

    @Override
    public String key() {
        return key;
    }
}
