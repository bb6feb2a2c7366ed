package dev.hikyaku.advisor.verdict;

/** The verdict levels, strongest first; packaging rules and stored verdicts refer to them by these names. */
public enum Level {
    /** STARTTLS everywhere, pinned by DANE or MTA-STS enforce: an active attacker cannot downgrade it. */
    AUTHENTICATED,
    /** STARTTLS with TLS 1.2+ and valid certificates everywhere, nothing pinned: safe from eavesdroppers. */
    ENCRYPTED,
    /** STARTTLS everywhere, but some certificate is not valid or the protocol is older than TLS 1.2. */
    ENCRYPTED_UNVERIFIED,
    /** Some answering MX offers no working STARTTLS, or a pinned route is not met: mail may travel in clear. */
    PLAINTEXT,
    /** The domain takes no mail (null MX or no such domain): the address is probably mistyped. */
    NO_MAIL,
    /** Nothing answered and no other evidence decides: never read as "no TLS". */
    UNKNOWN
}
