package dev.hikyaku.smime.cms;

import java.util.List;

/** Every private key the user ever had, expired ones included: old mail must stay readable. */
@FunctionalInterface
public interface KeyRing {

    /** All credentials to try when decrypting, newest first. */
    List<Credential> decryptionKeys();
}
