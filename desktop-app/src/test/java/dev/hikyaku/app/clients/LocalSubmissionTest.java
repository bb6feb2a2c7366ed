package dev.hikyaku.app.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.app.i18n.BundleChecks;
import dev.hikyaku.gateway.tls.LocalhostCertificate;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSubmissionTest {
    @TempDir
    Path data;

    @Test
    void readsTheCertificateTheGatewayMadeWithItsFingerprints() throws Exception {
        LocalhostCertificate made = LocalhostCertificate.loadOrCreate(data.resolve("tls"), Clock.systemUTC());

        LocalSubmission submission = LocalSubmission.read(data, 10587);

        assertEquals(made.fingerprint(), submission.sha256Fingerprint(), "the fingerprint the app shows");
        assertTrue(submission.sha1Thumbprint().matches("([0-9A-F]{2} ){19}[0-9A-F]{2}"), submission.sha1Thumbprint());
        assertEquals("127.0.0.1:10587", submission.hostAndPort());
    }

    @Test
    void saysToStartTheGatewayFirstOrToLetItMakeANewCertificate() throws Exception {
        CertificateUnavailableException missing = assertThrows(CertificateUnavailableException.class,
                () -> LocalSubmission.read(data, 10587));
        assertEquals(ClientsText.CERTIFICATE_MISSING, missing.reason());
        assertTrue(missing.in(Locale.JAPANESE).contains("初回起動時"), missing.in(Locale.JAPANESE));

        Files.createDirectories(data.resolve("tls"));
        Files.writeString(data.resolve("tls/localhost-cert.pem"), "not a certificate", StandardCharsets.US_ASCII);
        assertEquals(ClientsText.CERTIFICATE_UNREADABLE, assertThrows(CertificateUnavailableException.class,
                () -> LocalSubmission.read(data, 10587)).reason());
    }

    @Test
    void bothLanguagesHaveEveryText() throws Exception {
        BundleChecks.assertComplete(ClientsText.class);
    }
}
