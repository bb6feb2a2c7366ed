package dev.hikyaku.smime.wizard;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

/** Certificates as PEM text, the form the import step reads (an ACME CA's chain goes through it too). */
final class CertificatePem {

    private CertificatePem() {
    }

    static byte[] of(List<X509Certificate> certificates) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            for (X509Certificate certificate : certificates) {
                writer.writeObject(certificate);
            }
        }
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
