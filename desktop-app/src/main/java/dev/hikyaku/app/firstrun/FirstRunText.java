package dev.hikyaku.app.firstrun;

import dev.hikyaku.app.i18n.TextKey;

/** The first-run set-up's texts, by their key in {@code dev/hikyaku/app/firstrun/messages*.properties}. */
public enum FirstRunText implements TextKey {
    /** The window title. */
    WINDOW_TITLE("window.title"),
    /** The first page's heading. */
    STEP_ONE("step.one"),
    /** What Hikyaku does. */
    WELCOME("welcome"),
    /** The sandbox choice, with its mnemonic. */
    SANDBOX_CHOICE("choice.sandbox"),
    /** The upstream choice, with its mnemonic. */
    UPSTREAM_CHOICE("choice.upstream"),
    /** The server field. */
    HOST("host"),
    /** The port field. */
    PORT("port"),
    /** The security choice. */
    SECURITY("security"),
    /** A security choice. */
    SECURITY_STARTTLS("security.starttls"),
    /** A security choice. */
    SECURITY_TLS("security.tls"),
    /** Says the choice can change. */
    LATER_HINT("later.hint"),
    /** The second page's heading. */
    STEP_TWO("step.two"),
    /** Where to submit; {0} is host:port. */
    ADDRESS("address"),
    /** While the gateway starts. */
    ADDRESS_WAITING("address.waiting"),
    /** The certificate fingerprint; {0} is it. */
    FINGERPRINT("fingerprint"),
    /** Points at the mail-program pages below. */
    CLIENTS_HINT("clients.hint"),
    /** Where sandbox mail goes; {0} is the folder. */
    SANDBOX_NOTE("sandbox.note"),
    /** A button, with its mnemonic. */
    BACK("back"),
    /** A button, with its mnemonic. */
    NEXT("next"),
    /** A button, with its mnemonic. */
    FINISH("finish"),
    /** A button, with its mnemonic. */
    LATER("later"),
    /** A problem; {0} is the gateway's message. */
    PROBLEM("problem"),
    /** Writing failed; {0} says why. */
    FINISH_FAILED("finishFailed");

    private final String key;

    FirstRunText(String key) {
        this.key = key;
    }

    @Override
    public String bundle() {
        return "dev.hikyaku.app.firstrun.messages";
    }

    @Override
    public String key() {
        return key;
    }
}
