package dev.hikyaku.testworld.ca;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;

/** Writes certificates and keys as PEM text, the form OpenSSL and most servers read. */
final class Pem {

    private static final Base64.Encoder BASE64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));

    private Pem() {
    }

    static String certificates(List<X509Certificate> certificates) {
        StringBuilder text = new StringBuilder();
        for (X509Certificate certificate : certificates) {
            try {
                block(text, "CERTIFICATE", certificate.getEncoded());
            } catch (CertificateEncodingException e) {
                throw new IllegalStateException("cannot encode " + certificate.getSubjectX500Principal(), e);
            }
        }
        return text.toString();
    }

    static String privateKey(PrivateKey key) {
        StringBuilder text = new StringBuilder();
        block(text, "PRIVATE KEY", key.getEncoded());
        return text.toString();
    }

    private static void block(StringBuilder text, String label, byte[] der) {
        text.append("-----BEGIN ").append(label).append("-----\n")
                .append(BASE64.encodeToString(der)).append('\n')
                .append("-----END ").append(label).append("-----\n");
    }
}
