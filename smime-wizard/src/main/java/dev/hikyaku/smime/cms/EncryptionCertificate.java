package dev.hikyaku.smime.cms;

import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * A certificate to encrypt to, with what its owner's client advertised when it last signed with it.
 *
 * @param certificate  the recipient's certificate
 * @param capabilities the SMIMECapabilities seen with it, {@link Capabilities#NONE} when never seen
 */
public record EncryptionCertificate(X509Certificate certificate, Capabilities capabilities) {

    /** Checks that nothing is missing. */
    public EncryptionCertificate {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(capabilities, "capabilities");
    }
}
