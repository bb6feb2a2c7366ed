package dev.hikyaku.app.clients;

import dev.hikyaku.app.i18n.TextKey;

/** Texts every mail-client set-up shares, by their key in {@code dev/hikyaku/app/clients/messages*.properties}. */
public enum ClientsText implements TextKey {
    /** The gateway has not made its certificate yet. */
    CERTIFICATE_MISSING("certificate.missing"),
    /** The certificate file is not a certificate. */
    CERTIFICATE_UNREADABLE("certificate.unreadable"),
    /** The "Mail program" tab's title. */
    SECTION_TITLE("section.title"),
    /** The pages wait for the gateway. */
    WAITING("waiting"),
    /** A problem that keeps a page from showing: {0} says what. */
    PROBLEM("problem"),
    /** The Thunderbird tab. */
    THUNDERBIRD_TAB("thunderbird.tab"),
    /** The Outlook tab. */
    OUTLOOK_TAB("outlook.tab"),
    /** Thunderbird's steps by hand, with the port. */
    THUNDERBIRD_BY_HAND("thunderbird.byHand");

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
