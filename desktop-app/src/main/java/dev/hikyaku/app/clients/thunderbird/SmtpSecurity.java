package dev.hikyaku.app.clients.thunderbird;

/** How Thunderbird protects the connection to an outgoing server, its {@code try_ssl} preference. */
public enum SmtpSecurity {
    /** 0: plain text. */
    NONE,
    /** 1: STARTTLS when offered; old profiles only, Thunderbird now treats it as {@link #STARTTLS}. */
    STARTTLS_IF_AVAILABLE,
    /** 2: STARTTLS, required. */
    STARTTLS,
    /** 3: TLS from the first byte (SMTPS, usually port 465). */
    SSL_TLS,
    /** A value this version does not know. */
    UNKNOWN;

    /** The setting a {@code try_ssl} number stands for. */
    public static SmtpSecurity fromTrySsl(int trySsl) {
        return switch (trySsl) {
            case 0 -> NONE;
            case 1 -> STARTTLS_IF_AVAILABLE;
            case 2 -> STARTTLS;
            case 3 -> SSL_TLS;
            default -> UNKNOWN;
        };
    }
}
