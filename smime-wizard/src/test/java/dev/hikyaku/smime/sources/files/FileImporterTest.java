package dev.hikyaku.smime.sources.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.smime.cms.Capabilities;
import dev.hikyaku.smime.cms.EncryptionCertificate;
import dev.hikyaku.smime.cms.Recipient;
import dev.hikyaku.smime.cms.SignatureFormat;
import dev.hikyaku.smime.cms.SmimeEncryptor;
import dev.hikyaku.smime.cms.SmimeVerifier;
import dev.hikyaku.smime.contacts.ContactCertificate;
import dev.hikyaku.smime.contacts.ContactCertificates;
import dev.hikyaku.smime.revocation.RevocationChecker;
import dev.hikyaku.smime.sources.SignedMailHarvester;
import dev.hikyaku.smime.sources.SignedMessages;
import dev.hikyaku.smime.sources.SourceReport;
import dev.hikyaku.smime.text.Notice;
import dev.hikyaku.testworld.ca.FixtureCa;
import dev.hikyaku.testworld.ca.Issued;
import dev.hikyaku.testworld.ca.Signer;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAbsentContent;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Certificates from dropped files: signed messages verified, certificates in every form, hostile bytes refused. */
class FileImporterTest {
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String ALICE = "alice@example.test";
    private static final String CAROL = "carol@example.test";

    private final FixtureCa ca = FixtureCa.create(CLOCK);
    private final Issued alice = ca.issue(ca.smimeSpec(ALICE).withSigner(Signer.INTERMEDIATE));
    private final Issued carol = ca.issue(ca.smimeSpec(CAROL).withFreshKey());
    private final SignedMessages messages = new SignedMessages(CLOCK);

    @TempDir
    Path directory;

    private ContactCertificates contacts;
    private FileImporter importer;

    @BeforeEach
    void open() throws Exception {
        Set<TrustAnchor> anchors = Set.of(new TrustAnchor(ca.root(), null));
        contacts = ContactCertificates.open(directory.resolve("contacts.db"), anchors, CLOCK);
        SmimeVerifier verifier = new SmimeVerifier(anchors, RevocationChecker.offline(), CLOCK);
        importer = new FileImporter(contacts, new SignedMailHarvester(contacts, verifier), CLOCK);
    }

    @AfterEach
    void close() throws Exception {
        contacts.close();
    }

    @Test
    void signedEmlGivesTheSignersCertificateWithItsCapabilities() throws Exception {
        Path eml = Files.write(directory.resolve("quote.eml"),
                SignedMessages.bytes(messages.signed(alice, ALICE, "quote", SignatureFormat.DETACHED)));

        SourceReport report = importer.importFile(eml);

        assertEquals(List.of(), report.problems());
        assertEquals(1, report.added());
        ContactCertificate stored = contacts.all(ALICE).get(0);
        assertEquals(alice.certificate(), stored.certificate());
        assertTrue(stored.trusted());
        assertEquals(List.of("signed-mail"), stored.sources());
        assertNotEquals(Capabilities.NONE, stored.capabilities());
        assertEquals(List.of(alice.certificate()), certificates(contacts.forEncryption(ALICE)));
    }

    @Test
    void opaqueP7mIsVerifiedAndDetachedP7sGivesItsCertificates() throws Exception {
        MimeMessage opaque = messages.signed(alice, ALICE, "opaque", SignatureFormat.OPAQUE);
        byte[] p7m;
        try (InputStream in = opaque.getInputStream()) {
            p7m = in.readAllBytes();
        }
        SourceReport fromP7m = importer.importBytes("smime.p7m", p7m);
        assertEquals(List.of(), fromP7m.problems());
        assertEquals(List.of("signed-mail"), contacts.all(ALICE).get(0).sources());

        MimeMessage detached = messages.signed(carol, CAROL, "detached", SignatureFormat.DETACHED);
        MimeBodyPart signature = (MimeBodyPart) ((Multipart) detached.getContent()).getBodyPart(1);
        byte[] p7s;
        try (InputStream in = signature.getInputStream()) {
            p7s = in.readAllBytes();
        }
        SourceReport fromP7s = importer.importBytes("smime.p7s", p7s);
        assertEquals(1, fromP7s.added(), fromP7s.toString());
        assertEquals(List.of("file"), contacts.all(CAROL).get(0).sources());
        assertTrue(contacts.all(CAROL).get(0).trusted());
    }

    @Test
    void certificatesInPemDerAndPkcs7AreAllOffered() throws Exception {
        importer.importBytes("alice.pem", alice.chainPem().getBytes(StandardCharsets.US_ASCII));
        ContactCertificate fromPem = contacts.all(ALICE).get(0);
        assertTrue(fromPem.trusted(), "the intermediate in the same PEM file completes the chain");
        assertEquals(List.of(ca.intermediate()), fromPem.chain());

        Path der = Files.write(directory.resolve("carol.cer"), carol.certificate().getEncoded());
        assertEquals(1, importer.importFile(der).added());

        Issued dave = ca.issue(ca.smimeSpec("dave@example.test").withFreshKey());
        Issued erin = ca.issue(ca.smimeSpec("erin@example.test").withFreshKey());
        CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
        generator.addCertificates(new JcaCertStore(List.of(dave.certificate(), erin.certificate(), ca.root())));
        byte[] p7b = generator.generate(new CMSAbsentContent()).getEncoded();
        SourceReport bundle = importer.importBytes("team.p7b", p7b);

        assertEquals(2, bundle.added(), bundle.toString());
        assertEquals(List.of(ALICE, CAROL, "dave@example.test", "erin@example.test"), contacts.addresses());
    }

    @Test
    void aForwardedSignedMessageIsJudgedAgainstItsOwnSender() throws Exception {
        MimeMessage original = messages.signed(carol, CAROL, "original", SignatureFormat.DETACHED);
        MimeBodyPart note = new MimeBodyPart();
        note.setText("see below", "UTF-8");
        MimeBodyPart attached = new MimeBodyPart();
        attached.setContent(original, "message/rfc822");
        MimeMessage forward = new MimeMessage(SignedMessages.SESSION);
        forward.setFrom(ALICE);
        forward.setSubject("Fwd: original");
        forward.setContent(new MimeMultipart(note, attached));
        forward.saveChanges();

        SourceReport report = importer.importBytes("forward.eml", SignedMessages.bytes(forward));

        assertEquals(List.of(), report.problems());
        assertEquals(carol.certificate(), contacts.all(CAROL).get(0).certificate());
        assertEquals(List.of(), contacts.all(ALICE));
    }

    @Test
    void aTamperedMessageOrAForeignSignerGivesNothing() throws Exception {
        String signed = new String(SignedMessages.bytes(messages.signed(alice, ALICE, "quote", SignatureFormat.DETACHED)),
                StandardCharsets.ISO_8859_1);
        String tampered = signed.replace("quote", "quota");
        SourceReport changed = importer.importBytes("tampered.eml", tampered.getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(List.of(Notice.of("verify.signatureInvalid")), changed.problems());

        String foreign = signed.replace("From: " + ALICE, "From: mallory@example.test");
        SourceReport impostor = importer.importBytes("impostor.eml", foreign.getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(List.of(Notice.of("verify.addressMismatch")), impostor.problems());

        assertEquals(List.of(), contacts.addresses());
    }

    @Test
    void everyUnusableFileGetsItsOwnExplanation() throws Exception {
        SmimeEncryptor encryptor = new SmimeEncryptor(CLOCK, new SecureRandom());
        MimeBodyPart text = new MimeBodyPart();
        text.setText("secret", "UTF-8");
        MimeBodyPart encrypted = encryptor.encrypt(text, new Recipient(ALICE,
                List.of(new EncryptionCertificate(alice.certificate(), Capabilities.NONE))), List.of()).part();
        byte[] p7m;
        try (InputStream in = encrypted.getInputStream()) {
            p7m = in.readAllBytes();
        }
        assertProblem("sources.file.encrypted", importer.importBytes("secret.p7m", p7m));
        assertProblem("sources.file.empty", importer.importBytes("empty.cer", new byte[0]));
        assertProblem("sources.file.tooLarge",
                importer.importBytes("huge.eml", new byte[(int) FileImporter.MAX_FILE_BYTES + 1]));
        assertProblem("sources.file.onlyAuthorities",
                importer.importBytes("root.pem", ca.rootPem().getBytes(StandardCharsets.US_ASCII)));
        assertProblem("sources.file.unrecognised", importer.importBytes("photo.jpg", new byte[] {(byte) 0xff, (byte) 0xd8, 1}));
        assertProblem("sources.file.unrecognised", importer.importBytes("bad.pem",
                "-----BEGIN CERTIFICATE-----\n!!!notbase64\n-----END CERTIFICATE-----\n".getBytes(StandardCharsets.US_ASCII)));
        assertProblem("sources.notSigned",
                importer.importBytes("hello.eml", SignedMessages.bytes(messages.plain(ALICE, "hello"))));
        assertProblem("verify.unreadable",
                importer.importBytes("broken.eml", SignedMessages.bytes(messages.brokenSignature(ALICE, "broken"))));
        assertProblem("sources.file.unreadable", importer.importFile(directory.resolve("gone.cer")));
        assertEquals(List.of(), contacts.addresses());
    }

    @Test
    void truncatedAndFlippedBytesNeverEscapeAsExceptions() throws Exception {
        List<byte[]> seeds = List.of(alice.certificate().getEncoded(), alice.chainPem().getBytes(StandardCharsets.US_ASCII),
                SignedMessages.bytes(messages.signed(alice, ALICE, "fuzz", SignatureFormat.OPAQUE)),
                SignedMessages.bytes(messages.signed(alice, ALICE, "fuzz", SignatureFormat.DETACHED)));
        Random random = new Random(20260601);
        int reports = 0;
        for (byte[] seed : seeds) {
            for (int round = 0; round < 60; round++) {
                byte[] mutated = round % 2 == 0 ? Arrays.copyOf(seed, random.nextInt(seed.length))
                        : flip(seed.clone(), random);
                SourceReport report = importer.importBytes("fuzz", mutated);
                for (Notice problem : report.problems()) {
                    assertFalse(problem.text(Locale.ENGLISH).isBlank());
                }
                reports++;
            }
        }
        assertEquals(240, reports);
    }

    private static byte[] flip(byte[] bytes, Random random) {
        for (int i = 0; i < 8; i++) {
            bytes[random.nextInt(bytes.length)] ^= (byte) (1 + random.nextInt(255));
        }
        return bytes;
    }

    private static void assertProblem(String key, SourceReport report) {
        assertEquals(List.of(key), report.problems().stream().map(Notice::key).toList(), report.toString());
        Notice notice = report.problems().get(0);
        assertNotEquals(notice.text(Locale.ENGLISH), notice.text(Locale.JAPANESE));
        assertEquals(List.of(), report.offered());
    }

    private static List<X509Certificate> certificates(List<EncryptionCertificate> chosen) {
        List<X509Certificate> certificates = new ArrayList<>();
        chosen.forEach(c -> certificates.add(c.certificate()));
        return certificates;
    }
}
