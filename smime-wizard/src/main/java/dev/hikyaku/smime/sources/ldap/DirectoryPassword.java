package dev.hikyaku.smime.sources.ldap;

/**
 * The bind password for one look-up, from the user or the operating system's key store; the look-up wipes the
 * array afterwards and writes it nowhere, so return a fresh copy each time.
 */
@FunctionalInterface
public interface DirectoryPassword {

    /** The password of the server's bind DN, as a new array. */
    char[] password(DirectoryServer server);
}
