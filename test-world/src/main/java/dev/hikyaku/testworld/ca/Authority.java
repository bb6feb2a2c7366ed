package dev.hikyaku.testworld.ca;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.x500.X500Name;

/** A signing key with the name it signs under; a self-signed certificate is its own authority. */
record Authority(X500Name name, KeyPair keys) {

    static Authority of(X509Certificate certificate, KeyPair keys) {
        return new Authority(X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()), keys);
    }
}
