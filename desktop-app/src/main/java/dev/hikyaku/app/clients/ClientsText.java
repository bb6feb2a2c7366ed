package dev.hikyaku.app.clients;

import dev.hikyaku.app.i18n.TextKey;

/** Texts every mail-client set-up shares, by their key in {@code dev/hikyaku/app/clients/messages*.properties}. */
public enum ClientsText implements TextKey {
    /** The gateway has not made its certificate yet. */
    CERTIFICATE_MISSING("certificate.missing"),
    /** The certificate file is not a certificate. */
    CERTIFICATE_UNREADABLE("certificate.unreadable");

    private static final String BUNDLE = "dev.hikyaku.app.clients.messages";

    private final String key;

    ClientsText(String key) {
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
