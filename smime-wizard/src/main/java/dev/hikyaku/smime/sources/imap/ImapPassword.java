package dev.hikyaku.smime.sources.imap;

/**
 * Where the mailbox password comes from for one scan: the user, or the operating system's key store. The harvester
 * keeps it only for the login and wipes the array afterwards, so return a fresh copy each time; it is never written
 * anywhere by the harvester.
 */
@FunctionalInterface
public interface ImapPassword {

    /** The password for the account, as a new array the caller may wipe. */
    char[] password(ImapAccount account);
}
