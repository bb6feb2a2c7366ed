package dev.hikyaku.gateway.e2e;

import static dev.hikyaku.gateway.e2e.GatewayWorld.SENDER;
import static dev.hikyaku.gateway.e2e.GatewayWorld.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.gateway.plan.GroupAction;
import dev.hikyaku.gateway.plan.MessagePlan;
import dev.hikyaku.smime.cms.Credential;
import dev.hikyaku.smime.cms.SmimeDecryptor;
import dev.hikyaku.smime.contacts.Source;
import dev.hikyaku.testworld.ca.Issued;
import dev.hikyaku.testworld.ca.RevocationPointers;
import dev.hikyaku.testworld.ca.Signer;
import dev.hikyaku.testworld.revocation.RevocationServer;
import dev.hikyaku.testworld.smtp.ReceivedMessage;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A group whose recipients all have certificates travels S/MIME-encrypted, whatever the route. */
class GatewaySmimeTest {
    private static final byte[] ATTACHMENT = attachment();
    private static final byte[] MESSAGE = ("From: " + SENDER + "\r\nTo: hanako@clear.test, jiro@clear.test\r\n"
            + "Subject: secret plan\r\nMessage-ID: <smime-1@office.test>\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
            + "--b\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nthe plan\r\n"
            + "--b\r\nContent-Type: application/octet-stream; name=\"plan.bin\"\r\n"
            + "Content-Disposition: attachment; filename=\"plan.bin\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            + Base64.getMimeEncoder().encodeToString(ATTACHMENT) + "\r\n--b--\r\n").getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path folder;

    private static byte[] attachment() {
        byte[] bytes = new byte[32 * 1024];
        new Random(11).nextBytes(bytes);
        return bytes;
    }
    private GatewayWorld world;

    @BeforeEach
    void world() throws Exception {
        world = new GatewayWorld(folder);
        world.upstream(world.startTls());
    }

    @AfterEach
    void close() throws Exception {
        world.close();
    }

    @Test
    void aRecipientWithACertificateGetsAnEncryptedCopyTheOtherAnAesZip() throws Exception {
        Issued hanako = world.ca.issue(world.ca.smimeSpec("hanako@clear.test"));
        world.start(GatewayWorld.quickRetries(Duration.ZERO));
        world.gateway.contacts().offer(hanako.chain().toArray(X509Certificate[]::new),
                new Source.FileImport("hanako.cer"), Instant.now());
        world.submit(MESSAGE, List.of("hanako@clear.test", "jiro@clear.test"), null, null);
        await(() -> world.upstream.messages().size() == 2, "one copy per group");

        ReceivedMessage encrypted = world.upstream.messages().stream()
                .filter(message -> message.recipients().equals(List.of("hanako@clear.test"))).findFirst().orElseThrow();
        String raw = new String(encrypted.raw(), StandardCharsets.US_ASCII);
        assertTrue(raw.contains("application/pkcs7-mime"), raw.substring(0, Math.min(600, raw.length())));
        assertTrue(raw.contains("Subject: secret plan"), "the visible headers stay");
        assertFalse(raw.replace("\r\n", "").contains(Base64.getEncoder().encodeToString(
                Arrays.copyOfRange(ATTACHMENT, 300, 360))), "no attachment in clear");

        MimeMessage received = new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(encrypted.raw()));
        MimeBodyPart opened = new SmimeDecryptor(() -> List.of(new Credential(hanako.key(), hanako.chain())))
                .decrypt(received);
        Multipart parts = (Multipart) opened.getContent();
        BodyPart attached = parts.getBodyPart(1);
        try (InputStream in = attached.getInputStream()) {
            assertArrayEquals(ATTACHMENT, in.readAllBytes(), "hanako's key opens the copy, attachment intact");
        }

        ReceivedMessage zipped = world.upstream.messages().stream()
                .filter(message -> message.recipients().equals(List.of("jiro@clear.test"))).findFirst().orElseThrow();
        assertTrue(new String(zipped.raw(), StandardCharsets.US_ASCII).contains(".zip"), "no certificate: the AES zip");
    }

    @Test
    void thePlanOffersSmimeOnlyWhereEveryRecipientHasACertificate() throws Exception {
        Issued hanako = world.ca.issue(world.ca.smimeSpec("hanako@clear.test"));
        world.start(GatewayWorld.quickRetries(Duration.ofHours(1)));
        world.gateway.contacts().offer(hanako.chain().toArray(X509Certificate[]::new),
                new Source.FileImport("hanako.cer"), Instant.now());
        world.submit(MESSAGE, List.of("hanako@clear.test", "jiro@clear.test"), null, null);
        await(() -> !world.gateway.queue().isEmpty()
                && world.gateway.plan(world.gateway.queue().get(0).message().id()).isPresent(), "the plan");
        MessagePlan plan = world.gateway.plan(world.gateway.queue().get(0).message().id()).orElseThrow();
        assertEquals(new GroupAction.SmimeEncrypt(), plan.sendPlan().groupOf("hanako@clear.test").action());
        assertFalse(plan.sendPlan().groupOf("jiro@clear.test").choices().contains(new GroupAction.SmimeEncrypt()));
    }

    @Test
    void aContactWhoseCaSaysTheCertificateIsRevokedIsNeverEncryptedTo() throws Exception {
        try (RevocationServer revocation = RevocationServer.start(world.ca.authority(Signer.INTERMEDIATE),
                Clock.systemUTC())) {
            Issued hanako = world.ca.issue(world.ca.smimeSpec("hanako@clear.test").withSigner(Signer.INTERMEDIATE)
                    .withFreshKey(), RevocationPointers.ocsp(revocation.ocspUri()));
            world.start(GatewayWorld.quickRetries(Duration.ZERO));
            world.gateway.contacts().offer(hanako.chain().toArray(X509Certificate[]::new),
                    new Source.FileImport("hanako.cer"), Instant.now());
            revocation.revoke(hanako.certificate(), Instant.now().minus(Duration.ofHours(1)));

            world.submit(MESSAGE, List.of("hanako@clear.test"), null, null);
            await(() -> world.upstream.messages().size() == 1, "the copy");

            String raw = new String(world.upstream.messages().get(0).raw(), StandardCharsets.US_ASCII);
            assertFalse(raw.contains("application/pkcs7-mime"), "not encrypted to a revoked certificate");
            assertTrue(raw.contains(".zip"), "the route's own protection instead: the AES zip");
            assertFalse(revocation.ocspRequests().isEmpty(), "the responder was asked");
        }
    }
}
