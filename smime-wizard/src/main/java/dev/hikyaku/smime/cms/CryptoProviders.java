package dev.hikyaku.smime.cms;

import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The JCA providers the engine names. Bouncy Castle is used as an instance, never registered with
 * {@code Security.addProvider}, so the JVM's provider list stays as it was; bulk AES goes to the JDK's SunJCE,
 * which uses AES-NI (Bouncy Castle's pure-Java AES is several times slower).
 */
final class CryptoProviders {
    static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();
    static final String JDK_CIPHERS = "SunJCE";

    private CryptoProviders() {
    }
}
