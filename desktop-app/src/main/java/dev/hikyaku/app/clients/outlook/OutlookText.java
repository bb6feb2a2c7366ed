package dev.hikyaku.app.clients.outlook;

import dev.hikyaku.app.i18n.TextKey;

/** The Outlook guide's texts, by their key in {@code dev/hikyaku/app/clients/outlook/messages*.properties}. */
public enum OutlookText implements TextKey {
    /** Heading: which Outlook works. */
    WHICH_TITLE("which.title"),
    /** Classic Outlook with IMAP or POP accounts works. */
    WHICH_CLASSIC_IMAP("which.classicImap"),
    /** Exchange and Microsoft 365 accounts do not send over SMTP. */
    WHICH_EXCHANGE("which.exchange"),
    /** The new Outlook for Windows sends IMAP and POP mail from Microsoft's cloud. */
    WHICH_NEW_OUTLOOK("which.newOutlook"),
    /** Outlook for Mac is not covered. */
    WHICH_MAC("which.mac"),
    /** Heading: steps in current classic Outlook (Server Settings dialog). */
    CURRENT_TITLE("current.title"),
    /** Open File, Account Settings, Server Settings. */
    CURRENT_OPEN("current.open"),
    /** Outgoing mail: server, port, STARTTLS, no SPA. */
    CURRENT_OUTGOING("current.outgoing"),
    /** Keep the sign-in. */
    CURRENT_SIGN_IN("current.signIn"),
    /** Next, done. */
    CURRENT_FINISH("current.finish"),
    /** Heading: steps in older classic Outlook (Change Account dialog). */
    OLDER_TITLE("older.title"),
    /** Open Account Settings, Change. */
    OLDER_OPEN("older.open"),
    /** Outgoing mail server field. */
    OLDER_SERVER("older.server"),
    /** More Settings, Advanced: port and STARTTLS. */
    OLDER_ADVANCED("older.advanced"),
    /** Keep the Outgoing Server tab. */
    OLDER_SIGN_IN("older.signIn"),
    /** Next: the test message; Finish. */
    OLDER_FINISH("older.finish"),
    /** Heading: the certificate warning. */
    CERTIFICATE_TITLE("certificate.title"),
    /** What the warning says. */
    CERTIFICATE_WARNING("certificate.warning"),
    /** Compare the thumbprint (SHA-1) and, for reference, the SHA-256 fingerprint. */
    CERTIFICATE_COMPARE("certificate.compare"),
    /** Yes when it matches, No otherwise. */
    CERTIFICATE_ANSWER("certificate.answer"),
    /** It asks again after each start, and why Hikyaku does not stop that. */
    CERTIFICATE_EVERY_START("certificate.everyStart"),
    /** Heading: why Hikyaku changes nothing in Outlook. */
    NOTHING_CHANGED_TITLE("nothingChanged.title"),
    /** The registry values are profile-specific. */
    NOTHING_CHANGED_REGISTRY("nothingChanged.registry"),
    /** How to stop using Hikyaku. */
    NOTHING_CHANGED_UNDO("nothingChanged.undo"),
    /** The settings card: host, port, SHA-1 thumbprint, SHA-256 fingerprint. */
    CARD("card"),
    /** The button copying the card, with its mnemonic. */
    COPY("copy");

    private static final String BUNDLE = "dev.hikyaku.app.clients.outlook.messages";

    private final String key;

    OutlookText(String key) {
        this.key = key;
    }

    @Override
    public String bundle() {
        return BUNDLE;
    }

    @Override
    public String key() {
        return key;
    }
}
