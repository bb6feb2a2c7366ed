package dev.hikyaku.smime.identity;

/**
 * Where the identity store's password comes from: the user, or the operating system's keychain. The store wipes
 * the returned array once it has used it, so return a fresh copy each time.
 */
@FunctionalInterface
public interface StorePassword {

    /** The password, as a new array the caller may wipe. */
    char[] password();
}
