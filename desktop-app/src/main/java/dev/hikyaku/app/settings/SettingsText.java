package dev.hikyaku.app.settings;

import dev.hikyaku.app.i18n.TextKey;

/** The settings section's texts, by their key in {@code dev/hikyaku/app/settings/messages*.properties}. */
public enum SettingsText implements TextKey {
    /** The settings tab's title. */
    TAB_TITLE("tab.title"),
    /** The server page's title. */
    PAGE_SERVER("page.server"),
    /** The domains and packaging page's title. */
    PAGE_ROUTES("page.routes"),
    /** The mis-send guards page's title. */
    PAGE_GUARDS("page.guards"),
    /** The passphrases page's title. */
    PAGE_PASSPHRASES("page.passphrases"),
    /** The language page's title. */
    PAGE_LANGUAGE("page.language"),
    /** The upstream server group. */
    GROUP_UPSTREAM("group.upstream"),
    /** The listen port group. */
    GROUP_SUBMISSION("group.submission"),
    /** The domains group. */
    GROUP_DOMAINS("group.domains"),
    /** The packaging group. */
    GROUP_PACKAGING("group.packaging"),
    /** The guards' common settings. */
    GROUP_GUARD_GENERAL("group.guardGeneral"),
    /** A guard rule. */
    GROUP_REFUSE_TIME("group.refuseTime"),
    /** A guard rule. */
    GROUP_REFUSE_SENDER("group.refuseSender"),
    /** A guard rule. */
    GROUP_REFUSE_RECIPIENTS("group.refuseRecipients"),
    /** A guard rule. */
    GROUP_REFUSE_SIZE("group.refuseSize"),
    /** A guard rule. */
    GROUP_REFUSE_ATTACHMENTS("group.refuseAttachments"),
    /** A guard rule. */
    GROUP_REFUSE_KEYWORDS("group.refuseKeywords"),
    /** A guard rule. */
    GROUP_REFUSE_PHONES("group.refusePhones"),
    /** A guard rule. */
    GROUP_REFUSE_POSTAL("group.refusePostal"),
    /** A guard rule. */
    GROUP_FORCE_BCC("group.forceBcc"),
    /** A guard rule. */
    GROUP_CONFIRM("group.confirm"),
    /** A guard rule. */
    GROUP_HOLD("group.hold"),
    /** A guard rule. */
    GROUP_STAGE("group.stage"),
    /** Says what an empty server means. */
    UPSTREAM_HINT("upstream.hint"),
    /** Says how the guard rules work. */
    GUARDS_HINT("guards.hint"),
    /** Says what the per-domain lists hold. */
    PACKAGING_HINT("packaging.hint"),
    /** Names settings given on the command line. */
    OVERRIDE_NOTE("override.note"),
    /** The save button, with its mnemonic. */
    SAVE("save"),
    /** The revert button, with its mnemonic. */
    REVERT("revert"),
    /** While saving. */
    SAVING("saving"),
    /** After saving; {0} is the file. */
    SAVED("saved"),
    /** A problem no field owns; {0} is the gateway's message. */
    NOT_SAVED("notSaved"),
    /** A problem shown by its field. */
    FIX_FIELD("fixField"),
    /** Writing failed; {0} is the reason. */
    SAVE_FAILED("saveFailed"),
    /** Reading failed; {0} is the reason. */
    LOAD_FAILED("loadFailed"),
    /** The problem line under a field; {0} is the gateway's message. */
    FIELD_PROBLEM("fieldProblem"),
    /** The file chooser button, with its mnemonic. */
    BROWSE("browse"),
    /** The file chooser button for screen readers. */
    BROWSE_ACCESSIBLE("browse.accessible"),
    /** The test connection button, with its mnemonic. */
    TEST_CONNECTION("test"),
    /** The optional user name for the test. */
    TEST_USER("test.user"),
    /** The optional password for the test. */
    TEST_PASSWORD("test.password"),
    /** While testing; {0} is host:port. */
    TEST_RUNNING("test.running"),
    /** Nothing to test. */
    TEST_NO_UPSTREAM("test.noUpstream"),
    /** Reached with TLS; {0} is host:port. */
    TEST_REACHED_TLS("test.reachedTls"),
    /** Reached without TLS; {0} is host:port. */
    TEST_REACHED_PLAIN("test.reachedPlain"),
    /** The server wants AUTH. */
    TEST_AUTH_NEEDED("test.authNeeded"),
    /** The server wants no AUTH. */
    TEST_AUTH_NOT_NEEDED("test.authNotNeeded"),
    /** The test login worked. */
    TEST_LOGIN_OK("test.loginOk"),
    /** The test login was refused; {0} is the server's reply. */
    TEST_LOGIN_REFUSED("test.loginRefused"),
    /** The test login could not be tried. */
    TEST_LOGIN_UNAVAILABLE("test.loginUnavailable"),
    /** The test failed; {0} says why. */
    TEST_FAILED("test.failed"),
    /** What the passphrase book is. */
    PASSPHRASES_INTRO("passphrases.intro"),
    /** The book cannot be opened now. */
    PASSPHRASES_UNAVAILABLE("passphrases.unavailable"),
    /** A table column. */
    COLUMN_CONTACT("column.contact"),
    /** A table column. */
    COLUMN_HINT("column.hint"),
    /** A table column. */
    COLUMN_UPDATED("column.updated"),
    /** The table for screen readers. */
    TABLE_ACCESSIBLE("table.accessible"),
    /** The contact field, with its mnemonic. */
    CONTACT_LABEL("contact.label"),
    /** The passphrase field, with its mnemonic. */
    PASSPHRASE_LABEL("passphrase.label"),
    /** The repeated passphrase field. */
    PASSPHRASE_REPEAT("passphrase.repeat"),
    /** The hint field, with its mnemonic. */
    HINT_LABEL("hint.label"),
    /** The keep button, with its mnemonic. */
    PASSPHRASE_SAVE("passphrase.save"),
    /** The remove button, with its mnemonic. */
    PASSPHRASE_REMOVE("passphrase.remove"),
    /** Asks before removing; {0} is the contact. */
    PASSPHRASE_REMOVE_CONFIRM("passphrase.removeConfirm"),
    /** After keeping; {0} is the contact. */
    PASSPHRASE_SAVED("passphrase.saved"),
    /** After removing; {0} is the contact. */
    PASSPHRASE_REMOVED("passphrase.removed"),
    /** A contact that is neither address nor domain. */
    CONTACT_INVALID("contact.invalid"),
    /** The two passphrases differ. */
    PASSPHRASE_MISMATCH("passphrase.mismatch"),
    /** The book could not be changed; {0} says why. */
    PASSPHRASE_FAILED("passphrase.failed"),
    /** The language choice. */
    LANGUAGE_LABEL("language.label"),
    /** Follow the OS. */
    LANGUAGE_SYSTEM("language.system"),
    /** Japanese. */
    LANGUAGE_JAPANESE("language.japanese"),
    /** English. */
    LANGUAGE_ENGLISH("language.english"),
    /** Where the choice is kept. */
    LANGUAGE_HINT("language.hint"),
    /** The choice could not be kept; {0} says why. */
    LANGUAGE_FAILED("language.failed"),
    /** An upstream host the gateway's client refuses; {0} is the host. */
    UPSTREAM_HOST_INVALID("upstream.hostInvalid"),
    /** No TLS towards a server off this computer; {0} is the host. */
    UPSTREAM_PLAIN_OFF_LOOPBACK("upstream.plainOffLoopback"),
    /** A CA file without readable certificates; {0} is the file, {1} why. */
    TRUST_CA_UNREADABLE("trustCa.unreadable"),
    /** The gateway's passphrase rule that refused what was typed; {0} is its message. */
    PASSPHRASE_FAILED_RULE("passphrase.rule"),
    /** The empty table's placeholder. */
    PASSPHRASES_EMPTY("passphrases.empty");

    static final String BUNDLE = "dev.hikyaku.app.settings.messages";

    private final String key;

    SettingsText(String key) {
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
