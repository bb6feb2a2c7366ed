package dev.hikyaku.app.clients.thunderbird;

/** How Thunderbird signs in to an outgoing server, its {@code authMethod} preference. */
public enum SmtpAuth {
    /** 1: no sign-in. */
    NONE(1),
    /** 3: "Normal password", sent as AUTH PLAIN or LOGIN: the gateway passes it on to the real server. */
    NORMAL_PASSWORD(3),
    /** 4: "Encrypted password" (CRAM-MD5): the gateway cannot replay it, so the set-up switches to 3. */
    ENCRYPTED_PASSWORD(4),
    /** 5: Kerberos / GSSAPI, bound to the real server's name. */
    KERBEROS(5),
    /** 6: NTLM, bound to the real server. */
    NTLM(6),
    /** 7: a TLS client certificate, presented to the real server only. */
    TLS_CERTIFICATE(7),
    /** 10: OAuth2: Thunderbird finds the sign-in page by the server's host name. */
    OAUTH2(10),
    /** Not set: Thunderbird's default, a normal password. */
    DEFAULT(0),
    /** A value this version does not know. */
    UNKNOWN(-1);

    private final int pref;

    SmtpAuth(int pref) {
        this.pref = pref;
    }

    /** The {@code authMethod} number. */
    public int pref() {
        return pref;
    }

    /** Whether Thunderbird can sign in through the gateway this way as it is. */
    public boolean passesThroughGateway() {
        return this == NONE || this == NORMAL_PASSWORD || this == DEFAULT;
    }

    /**
     * The setting an {@code authMethod} number stands for; 2 ("old") and 9 ("anything") take what the server offers,
     * which through the gateway is a normal password.
     */
    public static SmtpAuth fromPref(int value) {
        if (value == 2 || value == 9) {
            return NORMAL_PASSWORD;
        }
        for (SmtpAuth auth : values()) {
            if (auth.pref == value && auth != DEFAULT && auth != UNKNOWN) {
                return auth;
            }
        }
        return UNKNOWN;
    }
}
