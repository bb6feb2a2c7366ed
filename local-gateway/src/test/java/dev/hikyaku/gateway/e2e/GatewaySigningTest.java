package dev.hikyaku.gateway.e2e;

import static dev.hikyaku.gateway.e2e.GatewayWorld.SENDER;
import static dev.hikyaku.gateway.e2e.GatewayWorld.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.gateway.events.GatewayEvent;
import dev.hikyaku.gateway.identity.UnlockRefusedException;
import dev.hikyaku.gateway.plan.GroupAction;
import dev.hikyaku.gateway.plan.MessagePlan;
import dev.hikyaku.gateway.plan.SmimeHandling;
import dev.hikyaku.gateway.queue.RecipientState;
import dev.hikyaku.smime.cms.Credential;
import dev.hikyaku.smime.cms.MessageBody;
import dev.hikyaku.smime.cms.SigningOptions;
import dev.hikyaku.smime.cms.SmimeDecryptor;
import dev.hikyaku.smime.cms.SmimeSigner;
import dev.hikyaku.smime.cms.SmimeVerifier;
import dev.hikyaku.smime.cms.VerificationReport;
import dev.hikyaku.smime.contacts.Source;
import dev.hikyaku.smime.identity.Identity;
import dev.hikyaku.smime.identity.IdentityStore;
import dev.hikyaku.smime.revocation.RevocationChecker;
import dev.hikyaku.smime.wizard.SmimeSettings;
import dev.hikyaku.testworld.ca.Issued;
import dev.hikyaku.testworld.ca.Validity;
import dev.hikyaku.testworld.smtp.ReceivedMessage;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway signs with the user's identity, waits while the identity store is locked, holds mail it cannot sign,
 * keeps the certificates of signed mail passing through, and forwards encrypted mail readable but protected again.
 */
class GatewaySigningTest {
    static final String STORE_PASSWORD = "store-Pw-8812-unusual";
    private static final byte[] MESSAGE = ("From: " + SENDER + "\r\nTo: hanako@plain.test\r\nSubject: signed plan\r\n"
            + "Message-ID: <sign-1@office.test>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=us-ascii\r\n"
            + "\r\nthe plan, signed\r\n").getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path folder;
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
    void signedMailReachesTheUpstreamAndVerifiesWithOpensslAndOurVerifier() throws Exception {
        Issued taro = world.ca.smime(SENDER);
        signingSetUp(world, taro);
        world.start(GatewayWorld.quickRetries(Duration.ZERO));
        world.gateway.unlockIdentities(STORE_PASSWORD.toCharArray(), false);
        world.submit(MESSAGE, List.of("hanako@plain.test"), null, null);
        await(() -> world.upstream.messages().size() == 1, "the signed copy");

        byte[] raw = world.upstream.messages().get(0).raw();
        String text = new String(raw, StandardCharsets.US_ASCII);
        assertTrue(text.contains("multipart/signed"), text);
        assertTrue(text.contains("Subject: signed plan") && text.contains("Message-ID: <sign-1@office.test>"),
                "the visible headers stay as submitted");
        assertEquals(0, openssl("cms", "-verify", "-in", write("signed.eml", raw).toString(), "-CAfile", caFile(),
                "-out", folder.resolve("verified.txt").toString()), "openssl cms -verify accepts it");
        assertTrue(Files.readString(folder.resolve("verified.txt")).contains("the plan, signed"));
        VerificationReport report = verifier().verify(parse(raw), Optional.of(SENDER));
        assertTrue(report.valid(), report.toString());
        assertEquals(taro.certificate(), report.signers().get(0).certificate().orElseThrow());
        await(() -> world.events.stream().anyMatch(e -> e instanceof GatewayEvent.Packaged packaged
                && packaged.action().equals("as-is+signed")), "the archive variant says the copy was signed");
    }

    @Test
    void signThenEncryptDecryptsWithTheRecipientKeyAndThenVerifies() throws Exception {
        Issued taro = world.ca.smime(SENDER);
        Issued hanako = world.ca.issue(world.ca.smimeSpec("hanako@plain.test").withFreshKey());
        signingSetUp(world, taro);
        world.start(GatewayWorld.quickRetries(Duration.ZERO));
        world.gateway.contacts().offer(hanako.chain().toArray(X509Certificate[]::new),
                new Source.FileImport("hanako.cer"), Instant.now());
        world.gateway.unlockIdentities(STORE_PASSWORD.toCharArray(), false);
        world.submit(MESSAGE, List.of("hanako@plain.test"), null, null);
        await(() -> world.upstream.messages().size() == 1, "the signed and encrypted copy");

        MimeMessage received = parse(world.upstream.messages().get(0).raw());
        assertTrue(SmimeDecryptor.isEncrypted(received));
        MimeBodyPart opened = new SmimeDecryptor(() -> List.of(new Credential(hanako.key(), hanako.chain())))
                .decrypt(received);
        assertTrue(SmimeVerifier.isSigned(opened), "signed inside the encryption");
        VerificationReport report = verifier().verify(opened, Optional.of(SENDER));
        assertTrue(report.valid(), report.toString());
        assertTrue(new String(bytes(report.content()), StandardCharsets.US_ASCII).contains("the plan, signed"));
    }

    @Test
    void whileLockedMailWaitsAndAWrongPasswordIsRefusedAndTheRightOneReleasesIt() throws Exception {
        signingSetUp(world, world.ca.smime(SENDER));
        world.start(GatewayWorld.quickRetries(Duration.ZERO));
        world.submit(MESSAGE, List.of("hanako@plain.test"), null, null);
        await(() -> world.events.stream().anyMatch(e -> e instanceof GatewayEvent.IdentityLocked locked
                && locked.address().equals(SENDER)), "the app is asked for the password");
        assertFalse(world.gateway.identitiesUnlocked());
        assertTrue(world.upstream.messages().isEmpty(), "nothing leaves unsigned");

        UnlockRefusedException wrong = assertThrows(UnlockRefusedException.class,
                () -> world.gateway.unlockIdentities("not-it".toCharArray(), false));
        assertEquals("identity.wrongPassword", wrong.messageKey());
        assertFalse(wrong.message(java.util.Locale.JAPANESE).isBlank());
        assertTrue(world.upstream.messages().isEmpty());

        char[] password = STORE_PASSWORD.toCharArray();
        world.gateway.unlockIdentities(password, false);
        assertArrayEquals(new char[password.length], password, "the password array is wiped");
        assertTrue(world.gateway.identitiesUnlocked());
        await(() -> world.upstream.messages().size() == 1, "unlocking releases it");
        assertTrue(world.upstream.messages().get(0).text().contains("multipart/signed"));
        assertEquals(1, world.events.stream().filter(e -> e instanceof GatewayEvent.IdentityLocked).count(),
                "asked once per message");
    }

    @Test
    void mailPlannedForSigningStaysDueWhileTheStoreIsLockedAgain() throws Exception {
        signingSetUp(world, world.ca.smime(SENDER));
        world.start(GatewayWorld.quickRetries(Duration.ofHours(1)));
        world.gateway.unlockIdentities(STORE_PASSWORD.toCharArray(), false);
        world.submit(MESSAGE, List.of("hanako@plain.test"), null, null);
        await(() -> world.events.stream().anyMatch(e -> e instanceof GatewayEvent.Held), "planned and held");
        String id = world.gateway.queue().get(0).message().id();
        assertEquals(SmimeHandling.Signing.SIGN, world.gateway.plan(id).orElseThrow().smime().signing());

        world.gateway.lockIdentities();
        world.gateway.sendNow(id);
        await(() -> world.events.stream().anyMatch(e -> e instanceof GatewayEvent.IdentityLocked locked
                && locked.messageId().equals(id)), "the app is asked again");
        assertTrue(world.upstream.messages().isEmpty(), "not handed over unsigned");
        assertTrue(world.gateway.queue().get(0).recipients().stream()
                .allMatch(recipient -> recipient.state() == RecipientState.HELD), "still due, not attempted");

        world.gateway.unlockIdentities(STORE_PASSWORD.toCharArray(), false);
        await(() -> world.upstream.messages().size() == 1, "the unlock wakes the dispatcher");
        assertTrue(world.upstream.messages().get(0).text().contains("multipart/signed"));
    }

    @Test
    void anExpiredIdentityHoldsTheMailWithAReasonAndSendUnsignedReleasesIt() throws Exception {
        signingSetUp(world, world.ca.issue(world.ca.smimeSpec(SENDER).withValidity(Validity.expired(world.ca.clock()))));
        world.start(GatewayWorld.quickRetries(Duration.ZERO));
        world.gateway.unlockIdentities(STORE_PASSWORD.toCharArray(), false);
        world.submit(MESSAGE, List.of("hanako@plain.test"), null, null);
        await(() -> world.events.stream().anyMatch(e -> e instanceof GatewayEvent.SignatureUnavailable), "the hold");
        GatewayEvent.SignatureUnavailable held = world.events.stream()
                .filter(e -> e instanceof GatewayEvent.SignatureUnavailable)
                .map(GatewayEvent.SignatureUnavailable.class::cast).findFirst().orElseThrow();
        assertTrue(held.reason().contains("expired") && held.reason().contains("期限"), held.reason());
        String id = held.messageId();
        await(() -> world.gateway.queue().stream().flatMap(entry -> entry.recipients().stream())
                .anyMatch(recipient -> recipient.state() == RecipientState.AWAITING), "awaiting the sender");
        MessagePlan plan = world.gateway.plan(id).orElseThrow();
        assertEquals(SmimeHandling.Signing.UNAVAILABLE, plan.smime().signing());
        assertTrue(world.upstream.messages().isEmpty(), "not sent unsigned silently");

        assertTrue(world.gateway.sendUnsigned(id));
        await(() -> world.upstream.messages().size() == 1, "sent unsigned on the sender's word");
        assertArrayEquals(MESSAGE, world.upstream.messages().get(0).raw(), "as submitted, unsigned");
    }

    @Test
    void aSignersCertificateIsHarvestedAndTheNextMessageToThemIsEncrypted() throws Exception {
        Issued hanako = world.ca.issue(world.ca.smimeSpec("hanako@plain.test").withFreshKey());
        world.start(GatewayWorld.quickRetries(Duration.ZERO));
        byte[] signed = signedBy(hanako, "From: hanako@plain.test\r\nTo: jiro@plain.test\r\n"
                + "Subject: signed by hanako\r\nMIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\nhello\r\n");
        world.submit(signed, List.of("jiro@plain.test"), null, null);
        await(() -> world.events.stream().anyMatch(e -> e instanceof GatewayEvent.CertificateHarvested harvested
                && harvested.address().equals("hanako@plain.test")), "the harvest");
        assertFalse(world.gateway.contacts().forEncryption("hanako@plain.test").isEmpty(), "in contacts.db");

        world.submit(MESSAGE, List.of("hanako@plain.test"), null, null);
        await(() -> world.upstream.messages().size() == 2, "both messages");
        ReceivedMessage toHanako = world.upstream.messages().stream()
                .filter(message -> message.recipients().equals(List.of("hanako@plain.test"))).findFirst().orElseThrow();
        MimeMessage received = parse(toHanako.raw());
        assertTrue(SmimeDecryptor.isEncrypted(received), "encrypted to the harvested certificate");
        new SmimeDecryptor(() -> List.of(new Credential(hanako.key(), hanako.chain()))).decrypt(received);
    }

    @Test
    void aForwardEncryptedToTheOldKeyIsReEncryptedOrAesZippedNeverSentAsIs() throws Exception {
        Issued old = world.ca.issue(world.ca.smimeSpec(SENDER).withValidity(Validity.expired(world.ca.clock()))
                .withFreshKey());
        Issued current = world.ca.issue(world.ca.smimeSpec(SENDER).withFreshKey());
        Issued hanako = world.ca.issue(world.ca.smimeSpec("hanako@plain.test").withFreshKey());
        identities(world, old, current);
        world.start(GatewayWorld.quickRetries(Duration.ZERO));
        world.gateway.contacts().offer(hanako.chain().toArray(X509Certificate[]::new),
                new Source.FileImport("hanako.cer"), Instant.now());
        world.gateway.unlockIdentities(STORE_PASSWORD.toCharArray(), false);

        String secret = "SECRET-QUOTE-4711 for the office";
        Path inner = write("inner.eml", ("Content-Type: text/plain; charset=us-ascii\r\n\r\n" + secret + "\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        Path oldPem = write("old.pem", old.chainPem().getBytes(StandardCharsets.US_ASCII));
        Path enveloped = folder.resolve("enveloped.eml");
        assertEquals(0, openssl("cms", "-encrypt", "-aes256", "-in", inner.toString(), "-out", enveloped.toString(),
                oldPem.toString()));
        String attached = "From: kenji@partner.test\r\nTo: " + SENDER + "\r\nSubject: quote\r\n"
                + Files.readString(enveloped, StandardCharsets.US_ASCII).replace("\r\n", "\n").replace("\n", "\r\n");
        byte[] forward = ("From: " + SENDER + "\r\nTo: hanako@plain.test, jiro@clear.test\r\nSubject: Fwd: quote\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"fw\"\r\n\r\n"
                + "--fw\r\nContent-Type: text/plain\r\n\r\nsee below\r\n"
                + "--fw\r\nContent-Type: message/rfc822\r\nContent-Disposition: attachment; filename=\"quote.eml\"\r\n\r\n"
                + attached + "\r\n--fw--\r\n").getBytes(StandardCharsets.US_ASCII);
        world.submit(forward, List.of("hanako@plain.test", "jiro@clear.test"), null, null);
        await(() -> world.upstream.messages().size() == 2, "one copy per group");

        String id = world.events.stream().filter(e -> e instanceof GatewayEvent.Accepted)
                .map(e -> ((GatewayEvent.Accepted) e).messageId()).findFirst().orElseThrow();
        ReceivedMessage toHanako = world.upstream.messages().stream()
                .filter(message -> message.recipients().equals(List.of("hanako@plain.test"))).findFirst().orElseThrow();
        MimeBodyPart opened = new SmimeDecryptor(() -> List.of(new Credential(hanako.key(), hanako.chain())))
                .decrypt(parse(toHanako.raw()));
        BodyPart quoted = ((Multipart) opened.getContent()).getBodyPart(1);
        MimeMessage readable = (MimeMessage) quoted.getContent();
        assertEquals("quote", readable.getSubject());
        assertEquals(secret + "\r\n", readable.getContent(), "the original plaintext, readable for hanako");

        ReceivedMessage toJiro = world.upstream.messages().stream()
                .filter(message -> message.recipients().equals(List.of("jiro@clear.test"))).findFirst().orElseThrow();
        String jiro = toJiro.text();
        assertTrue(jiro.contains(".zip"), "a plaintext route gets the AES zip");
        assertFalse(jiro.contains(secret), "never the readable content in clear");
        assertFalse(jiro.contains("application/pkcs7-mime"), "never the encrypted original as it was");
        assertFalse(toHanako.text().contains(secret));
    }

    @Test
    void aForwardNoKeyOpensGoesAsSubmittedAndThePlanSaysSo() throws Exception {
        Issued stranger = world.ca.issue(world.ca.smimeSpec("stranger@partner.test").withFreshKey());
        identities(world, world.ca.issue(world.ca.smimeSpec(SENDER).withFreshKey()));
        world.start(GatewayWorld.quickRetries(Duration.ofHours(1)));
        world.gateway.unlockIdentities(STORE_PASSWORD.toCharArray(), false);
        Path inner = write("inner.eml", "Content-Type: text/plain\r\n\r\nnot for us\r\n".getBytes(StandardCharsets.US_ASCII));
        Path enveloped = folder.resolve("enveloped.eml");
        assertEquals(0, openssl("cms", "-encrypt", "-aes256", "-in", inner.toString(), "-out", enveloped.toString(),
                write("stranger.pem", stranger.chainPem().getBytes(StandardCharsets.US_ASCII)).toString()));
        byte[] message = ("From: " + SENDER + "\r\nTo: hanako@plain.test\r\nSubject: opaque\r\n"
                + Files.readString(enveloped, StandardCharsets.US_ASCII).replace("\r\n", "\n").replace("\n", "\r\n"))
                .getBytes(StandardCharsets.US_ASCII);
        world.submit(message, List.of("hanako@plain.test"), null, null);
        await(() -> !world.gateway.queue().isEmpty()
                && world.gateway.plan(world.gateway.queue().get(0).message().id()).isPresent(), "the plan");
        MessagePlan plan = world.gateway.plan(world.gateway.queue().get(0).message().id()).orElseThrow();
        assertEquals(SmimeHandling.Forward.UNREADABLE, plan.smime().forward());
        assertEquals("smime.note.unreadable", plan.smime().notes().get(0).key());
        assertEquals(new GroupAction.AsIs(), plan.sendPlan().groupOf("hanako@plain.test").action());
    }

    /** An identity store holding {@code signer}, and smime.conf saying: sign everything from the sender with it. */
    static void signingSetUp(GatewayWorld world, Issued signer) throws Exception {
        identities(world, signer);
        new SmimeSettings(SENDER, new Identity(new Credential(signer.key(), signer.chain())).fingerprint(), true, true)
                .write(world.data.resolve("data"));
    }

    static void identities(GatewayWorld world, Issued... held) throws Exception {
        Path data = Files.createDirectories(world.data.resolve("data"));
        IdentityStore store = IdentityStore.open(data.resolve(IdentityStore.FILE_NAME), STORE_PASSWORD::toCharArray,
                Clock.systemUTC(), new SecureRandom(), 1000);
        for (Issued issued : held) {
            store.add(new Credential(issued.key(), issued.chain()));
        }
    }

    private SmimeVerifier verifier() {
        return new SmimeVerifier(Set.of(new TrustAnchor(world.ca.root(), null)), RevocationChecker.offline(),
                Clock.systemUTC());
    }

    private static byte[] signedBy(Issued signer, String text) throws Exception {
        Session session = Session.getInstance(new Properties());
        MimeMessage original = parse(text.getBytes(StandardCharsets.US_ASCII));
        MimeBodyPart signed = new SmimeSigner(Clock.systemUTC()).sign(MessageBody.of(original),
                new Credential(signer.key(), signer.chain()), SigningOptions.defaults());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MessageBody.wrap(original, signed, session).writeTo(out);
        return out.toByteArray();
    }

    private static MimeMessage parse(byte[] raw) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
    }

    private static byte[] bytes(MimeBodyPart part) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        part.writeTo(out);
        return out.toByteArray();
    }

    private String caFile() throws Exception {
        return write("ca.pem", world.ca.rootPem().getBytes(StandardCharsets.US_ASCII)).toString();
    }

    private Path write(String name, byte[] content) throws Exception {
        return Files.write(folder.resolve(name), content);
    }

    private static int openssl(String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "openssl finished");
        return process.exitValue();
    }
}
