package dev.hikyaku.smime.sources.ldap;

/** How the connection to the directory is protected. */
public enum LdapSecurity {
    /** StartTLS on the LDAP port, required: the look-up never goes on in plain text after a failed upgrade. */
    STARTTLS,
    /**
     * No TLS, anonymous only. Acceptable for reading because certificates are public and a directory is no
     * source of trust (a certificate from it counts only when it chains to a trusted root); a password is never
     * sent this way.
     */
    PLAIN_ANONYMOUS
}
