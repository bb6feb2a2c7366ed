package dev.hikyaku.app.clients.thunderbird;

import dev.hikyaku.app.i18n.TextKey;

/** The Thunderbird set-up's texts, by their key in {@code dev/hikyaku/app/clients/thunderbird/messages*.properties}. */
public enum ThunderbirdText implements TextKey {
    /** Windows without APPDATA. */
    NO_APP_DATA("thunderbird.noAppData"),
    /** An APPDATA that is not a full path. */
    BAD_APP_DATA("thunderbird.badAppData"),
    /** No profiles.ini in the Thunderbird folder. */
    PROFILES_NO_INI("profiles.noIni"),
    /** A profile section without Path=. */
    PROFILES_NO_PATH("profiles.noPath"),
    /** A profile path that is not a path. */
    PROFILES_BAD_PATH("profiles.badPath"),
    /** IsRelative=0 on a relative path. */
    PROFILES_NOT_ABSOLUTE("profiles.notAbsolute"),
    /** A relative profile path leaving the Thunderbird folder. */
    PROFILES_PATH_ESCAPES("profiles.pathEscapes"),
    /** A file that is not there. */
    FILE_MISSING("file.missing"),
    /** A file that cannot be read. */
    FILE_UNREADABLE("file.unreadable"),
    /** A file far larger than Thunderbird writes. */
    FILE_TOO_LARGE("file.tooLarge"),
    /** A file the set-up would edit holds bytes that are not UTF-8. */
    FILE_NOT_UTF8("file.notUtf8"),
    /** A file the set-up cannot write. */
    FILE_UNWRITABLE("file.unwritable"),
    /** Thunderbird has the profile open (or crashed with it open). */
    THUNDERBIRD_RUNNING("setup.thunderbirdRunning"),
    /** The profile has no prefs.js: Thunderbird never ran with it. */
    PREFS_MISSING("setup.prefsMissing"),
    /** No outgoing server with that id. */
    SERVER_UNKNOWN("setup.serverUnknown"),
    /** The outgoing server does not speak SMTP (Exchange EWS). */
    SERVER_NOT_SMTP("setup.serverNotSmtp"),
    /** The outgoing server already points at this PC. */
    ALREADY_LOCAL("setup.alreadyLocal"),
    /** The account signs in with OAuth2. */
    AUTH_OAUTH2("setup.authOAuth2"),
    /** The account signs in a way a proxy cannot pass on (Kerberos, NTLM, a TLS client certificate). */
    AUTH_CANNOT_PASS("setup.authCannotPass"),
    /** user.js sets the server's preferences and would undo the change. */
    USER_JS_OVERRIDES("setup.userJsOverrides"),
    /** The profile was set up already; undo first. */
    ALREADY_SET_UP("setup.alreadySetUp"),
    /** There is no set-up to undo. */
    NOTHING_TO_UNDO("undo.nothing"),
    /** The backup or its record is damaged. */
    BACKUP_DAMAGED("undo.backupDamaged"),
    /** The summary of a change, before or after it is made: server, old address, new address. */
    SUMMARY("setup.summary"),
    /** The accounts sending through the server being changed. */
    NOTE_SHARED("setup.note.shared"),
    /** Thunderbird asks for the password once more (it keeps passwords per server address). */
    NOTE_PASSWORD_AGAIN("setup.note.passwordAgain"),
    /** "Encrypted password" becomes "Normal password". */
    NOTE_AUTH_SWITCHED("setup.note.authSwitched"),
    /** The certificate is accepted for 127.0.0.1 and the port, with its fingerprint; what to do if it is renewed. */
    NOTE_CERTIFICATE("setup.note.certificate"),
    /** Where the backup is kept. */
    NOTE_BACKUP("setup.note.backup"),
    /** Undo put both files back byte for byte. */
    UNDONE_EXACTLY("undo.exactly"),
    /** Undo set back the changed values only, since Thunderbird had rewritten the files. */
    UNDONE_VALUES("undo.values"),
    /** The profile choice's label, with its mnemonic. */
    VIEW_PROFILE("view.profile"),
    /** A profile in the list: its name; the default one marked. */
    VIEW_PROFILE_DEFAULT("view.profileDefault"),
    /** The account choice's label, with its mnemonic. */
    VIEW_ACCOUNT("view.account"),
    /** An account in the list: its name and its outgoing server. */
    VIEW_ACCOUNT_ITEM("view.accountItem"),
    /** An account without an outgoing server. */
    VIEW_ACCOUNT_NO_SERVER("view.accountNoServer"),
    /** The button that makes the change, with its mnemonic. */
    VIEW_APPLY("view.apply"),
    /** The button that undoes it, with its mnemonic. */
    VIEW_UNDO("view.undo"),
    /** While Thunderbird's files are read or written. */
    VIEW_WORKING("view.working"),
    /** The change was made. */
    VIEW_DONE("view.done"),
    /** The profile was pointed at Hikyaku earlier: when, and what the server was. */
    VIEW_APPLIED("view.applied"),
    /** Something the set-up did not expect went wrong. */
    VIEW_FAILED("view.failed");

    private static final String BUNDLE = "dev.hikyaku.app.clients.thunderbird.messages";

    private final String key;

    ThunderbirdText(String key) {
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
