package dev.hikyaku.smime.request;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.KeyPair;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/**
 * A certificate signing request for one mailbox and the key pair it was made with.
 *
 * <p>The private key stays in memory: storing it is the certificate store's job, which protects it at rest.
 *
 * @param address   the mailbox the certificate will be for
 * @param algorithm the key type chosen
 * @param keyPair   the freshly generated key pair
 * @param request   the signed PKCS#10 request
 */
public record CertificateRequest(EmailAddress address, KeyAlgorithm algorithm, KeyPair keyPair,
                                 PKCS10CertificationRequest request) {

    /** The request as PEM ("CERTIFICATE REQUEST"), the form CA web forms accept by paste or upload. */
    public String pem() {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(request);
        } catch (IOException e) {
            throw new UncheckedIOException("writing PEM to memory cannot fail", e);
        }
        return text.toString();
    }

    @Override
    public String toString() {
        // Never print key material, even by accident in a log line.
        return "CertificateRequest[" + address + ", " + algorithm + "]";
    }
}
