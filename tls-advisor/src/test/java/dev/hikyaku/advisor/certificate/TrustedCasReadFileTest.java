package dev.hikyaku.advisor.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hikyaku.testworld.ca.FixtureCa;
import dev.hikyaku.testworld.ca.Issued;
import dev.hikyaku.testworld.ca.Signer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TrustedCas.readFile reads every certificate of a PEM file and refuses a file without any. */
class TrustedCasReadFileTest {
    private static final FixtureCa CA = FixtureCa.create();

    @TempDir
    Path directory;

    @Test
    void readsBothCertificatesOfAPemFileInOrder() throws Exception {
        Issued issued = CA.issue(CA.serverSpec("mx.example.test").withSigner(Signer.INTERMEDIATE));
        Path file = Files.writeString(directory.resolve("two.pem"), issued.chainPem(), StandardCharsets.US_ASCII);
        assertEquals(issued.chain(), TrustedCas.readFile(file));
    }

    @Test
    void aFileWithoutCertificatesIsRefused() throws Exception {
        Path empty = Files.writeString(directory.resolve("empty.pem"), "");
        assertThrows(CertificateException.class, () -> TrustedCas.readFile(empty));
        Path text = Files.writeString(directory.resolve("text.pem"), "no certificate here\n");
        assertThrows(CertificateException.class, () -> TrustedCas.readFile(text));
    }
}
