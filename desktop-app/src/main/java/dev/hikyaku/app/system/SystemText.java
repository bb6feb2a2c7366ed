package dev.hikyaku.app.system;

import dev.hikyaku.app.i18n.TextKey;

/** The start-at-sign-in texts, by their key in {@code dev/hikyaku/app/system/messages*.properties}. */
public enum SystemText implements TextKey {
    /** A settings file cannot be read. */
    READ_FAILED("loginStart.readFailed"),
    /** A settings file cannot be written. */
    WRITE_FAILED("loginStart.writeFailed"),
    /** reg.exe failed. */
    REGISTRY_FAILED("loginStart.registryFailed"),
    /** A program of the OS could not be run. */
    COMMAND_FAILED("loginStart.commandFailed"),
    /** The choice's label, with its mnemonic. */
    CHOICE("loginStart.choice"),
    /** Why the choice is missing in a development build. */
    NOT_INSTALLED("loginStart.notInstalled"),
    /** Where the setting is kept; {0} is the file or registry value. */
    WHERE("loginStart.where"),
    /** A failure to show; {0} says what happened. */
    PROBLEM("loginStart.problem");

    private static final String BUNDLE = "dev.hikyaku.app.system.messages";

    private final String key;

    SystemText(String key) {
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
