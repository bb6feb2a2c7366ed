package dev.hikyaku.smime.cms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.smime.revocation.RevocationChecker;
import dev.hikyaku.testworld.ca.FixtureCa;
import dev.hikyaku.testworld.ca.Issued;
import dev.hikyaku.testworld.ca.KeyType;
import dev.hikyaku.testworld.ca.Validity;
import jakarta.mail.internet.MimeBodyPart;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.TrustAnchor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Encryption both ways against {@code openssl cms}, recipient rules, and decryption with old keys. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EncryptionInteropTest {
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String SENDER = "alice@example.test";
    private static final String BOB = "bob@example.test";
    private static final String CAROL = "carol@example.test";
    private static final String BODY = "Quote: 1,000,000 JPY.\r\n見積書\r\n";

    private final FixtureCa ca = FixtureCa.create(CLOCK);
    private final Issued alice = ca.issue(ca.smimeSpec(SENDER).withFreshKey());
    private final Issued bobRsa = ca.issue(ca.smimeSpec(BOB).withFreshKey());
    private final Issued carolEc = ca.issue(ca.smimeSpec(CAROL).withKeyType(KeyType.EC_P256).withFreshKey());
    private final SmimeEncryptor encryptor = new SmimeEncryptor(CLOCK, new SecureRandom());

    @TempDir
    Path directory;

    Stream<Arguments> hikyakuEncryptions() {
        Capabilities cbcOnly = new Capabilities(List.of(new Capabilities.Capability("2.16.840.1.101.3.4.1.42", "")));
        return Stream.of(
                Arguments.of("AES-256-CBC, RSA PKCS#1 v1.5 (nothing advertised)", Capabilities.NONE, ContentCipher.AES_256_CBC),
                Arguments.of("AES-256-CBC, RSA PKCS#1 v1.5 (CBC advertised)", cbcOnly, ContentCipher.AES_256_CBC),
                Arguments.of("AES-256-GCM, RSA-OAEP SHA-256 (ours advertised)", Capabilities.ours(), ContentCipher.AES_256_GCM));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hikyakuEncryptions")
    void openSslDecryptsWhatHikyakuEncrypts(String name, Capabilities advertised, ContentCipher expected) throws Exception {
        Encrypted encrypted = encryptor.encrypt(Mail.text(BODY), self(),
                List.of(new Recipient(BOB, List.of(new EncryptionCertificate(bobRsa.certificate(), advertised))),
                        new Recipient(CAROL, List.of(new EncryptionCertificate(carolEc.certificate(), advertised)))));
        Mail.write(encrypted.part(), SENDER, directory.resolve("encrypted.eml"));

        assertEquals(expected, encrypted.cipher());
        assertEquals(List.of(), encrypted.withoutCertificate());
        assertEquals(3, encrypted.encryptedTo().size());
        for (Issued reader : List.of(alice, bobRsa, carolEc)) {
            Mail.writePem(reader, directory, "reader");
            new OpenSsl(directory).ok("cms", "-decrypt", "-in", "encrypted.eml", "-recip", "reader.crt",
                    "-inkey", "reader.key", "-out", "plain.eml");
            assertTrue(Files.readString(directory.resolve("plain.eml"), StandardCharsets.US_ASCII)
                    .contains("Quote: 1,000,000 JPY."));
        }
    }

    Stream<Arguments> openSslEncryptions() {
        return Stream.of(
                Arguments.of("AES-256-CBC to RSA", "bob", new String[] {"-aes-256-cbc"}),
                Arguments.of("AES-256-GCM to RSA", "bob", new String[] {"-aes-256-gcm"}),
                Arguments.of("AES-128-CBC to RSA-OAEP", "bob", new String[] {"-aes-128-cbc", "-keyopt", "rsa_padding_mode:oaep"}),
                Arguments.of("AES-256-CBC to EC (ECDH)", "carol", new String[] {"-aes-256-cbc"}),
                Arguments.of("AES-256-GCM to EC (ECDH)", "carol", new String[] {"-aes-256-gcm"}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("openSslEncryptions")
    void hikyakuDecryptsWhatOpenSslEncrypts(String name, String who, String[] options) throws Exception {
        Issued reader = who.equals("bob") ? bobRsa : carolEc;
        Mail.writePem(reader, directory, who);
        Files.write(directory.resolve("content.txt"), BODY.getBytes(StandardCharsets.UTF_8));
        String[] command = Stream.concat(Stream.of("cms", "-encrypt", "-in", "content.txt", "-text", "-out", "encrypted.eml",
                "-recip", who + ".crt"), Stream.of(options)).toArray(String[]::new);
        new OpenSsl(directory).ok(command);

        MimeBodyPart plain = new SmimeDecryptor(() -> List.of(SignatureInteropTest.credential(reader)))
                .decrypt(Mail.read(directory.resolve("encrypted.eml")));

        assertTrue(new String(plain.getInputStream().readAllBytes(), StandardCharsets.UTF_8).contains("見積書"));
    }

    @Test
    void signedThenEncryptedOpensAndVerifiesInOpenSsl() throws Exception {
        MimeBodyPart signed = new SmimeSigner(CLOCK).sign(Mail.content(), SignatureInteropTest.credential(alice),
                SigningOptions.defaults());
        Encrypted encrypted = encryptor.encrypt(signed, self(),
                List.of(new Recipient(BOB, List.of(new EncryptionCertificate(bobRsa.certificate(), Capabilities.NONE)))));
        Mail.write(encrypted.part(), SENDER, directory.resolve("encrypted.eml"));
        Mail.writePem(bobRsa, directory, "bob");
        Files.writeString(directory.resolve("root.pem"), ca.rootPem());

        OpenSsl openSsl = new OpenSsl(directory);
        openSsl.ok("cms", "-decrypt", "-in", "encrypted.eml", "-recip", "bob.crt", "-inkey", "bob.key", "-out", "signed.eml");
        openSsl.ok("cms", "-verify", "-in", "signed.eml", "-CAfile", "root.pem", "-out", "content.out");

        MimeBodyPart opened = new SmimeDecryptor(() -> List.of(SignatureInteropTest.credential(bobRsa)))
                .decrypt(Mail.read(directory.resolve("encrypted.eml")));
        VerificationReport report = new SmimeVerifier(Set.of(new TrustAnchor(ca.root(), null)),
                RevocationChecker.offline(), CLOCK).verify(opened, Optional.of(SENDER));
        assertTrue(report.valid(), report.signers().toString());
    }

    @Test
    void everyValidCertificateOfARecipientGetsARecipientInfo() throws Exception {
        Issued bobEc = ca.issue(ca.smimeSpec(BOB).withKeyType(KeyType.EC_P256).withFreshKey());
        Encrypted encrypted = encryptor.encrypt(Mail.text(BODY), self(), List.of(new Recipient(BOB, List.of(
                new EncryptionCertificate(bobRsa.certificate(), Capabilities.NONE),
                new EncryptionCertificate(bobEc.certificate(), Capabilities.NONE)))));
        Mail.write(encrypted.part(), SENDER, directory.resolve("encrypted.eml"));

        assertEquals(List.of(alice.certificate(), bobRsa.certificate(), bobEc.certificate()), encrypted.encryptedTo());
        for (Issued key : List.of(bobRsa, bobEc)) {
            MimeBodyPart plain = new SmimeDecryptor(() -> List.of(SignatureInteropTest.credential(key)))
                    .decrypt(Mail.read(directory.resolve("encrypted.eml")));
            assertTrue(plain.getContent().toString().contains("見積書"));
        }
    }

    @Test
    void recipientsWithoutUsableCertificateAreListedNotDropped() throws Exception {
        Issued expired = ca.issue(ca.smimeSpec(CAROL).withFreshKey().withValidity(Validity.expired(CLOCK)));
        Encrypted encrypted = encryptor.encrypt(Mail.text(BODY), self(), List.of(
                new Recipient(BOB, List.of(new EncryptionCertificate(bobRsa.certificate(), Capabilities.ours()))),
                new Recipient(CAROL, List.of(new EncryptionCertificate(expired.certificate(), Capabilities.ours()))),
                new Recipient("dave@example.test", List.of())));

        assertEquals(List.of(CAROL, "dave@example.test"), encrypted.withoutCertificate());
        assertEquals(List.of(alice.certificate(), bobRsa.certificate()), encrypted.encryptedTo());
    }

    @Test
    void gcmOnlyWhenEveryCertificateAdvertisesIt() throws Exception {
        Encrypted mixed = encryptor.encrypt(Mail.text(BODY), self(), List.of(
                new Recipient(BOB, List.of(new EncryptionCertificate(bobRsa.certificate(), Capabilities.ours()))),
                new Recipient(CAROL, List.of(new EncryptionCertificate(carolEc.certificate(), Capabilities.NONE)))));

        assertEquals(ContentCipher.AES_256_CBC, mixed.cipher());
    }

    @Test
    void nobodyWithACertificateIsAnError() {
        SmimeException error = assertThrows(SmimeException.class, () -> encryptor.encrypt(Mail.text(BODY),
                new Recipient(SENDER, List.of()), List.of(new Recipient(BOB, List.of()))));

        assertEquals("encrypt.nobody", error.notice().key());
    }

    @Test
    void oldKeyStillDecryptsAfterItsCertificateExpired() throws Exception {
        Issued oldAlice = ca.issue(ca.smimeSpec(SENDER).withFreshKey()
                .withValidity(new Validity(NOW.minus(Duration.ofDays(400)), NOW.plus(Duration.ofDays(5)))));
        Encrypted encrypted = encryptor.encrypt(Mail.text(BODY),
                new Recipient(SENDER, List.of(new EncryptionCertificate(oldAlice.certificate(), Capabilities.ours()))),
                List.of());
        Path file = Mail.write(encrypted.part(), SENDER, directory.resolve("old.eml"));
        // A year later the old certificate has expired and Alice works with a new key; her ring holds both.
        KeyRing ring = () -> List.of(SignatureInteropTest.credential(alice), SignatureInteropTest.credential(oldAlice));

        MimeBodyPart plain = new SmimeDecryptor(ring).decrypt(Mail.read(file));

        assertTrue(plain.getContent().toString().contains("見積書"));
    }

    @Test
    void aMessageForSomeoneElseNamesNoKey() throws Exception {
        Encrypted encrypted = encryptor.encrypt(Mail.text(BODY), self(), List.of());
        Path file = Mail.write(encrypted.part(), SENDER, directory.resolve("alice-only.eml"));

        SmimeException error = assertThrows(SmimeException.class,
                () -> new SmimeDecryptor(() -> List.of(SignatureInteropTest.credential(bobRsa))).decrypt(Mail.read(file)));

        assertEquals("decrypt.noKey", error.notice().key());
    }

    private Recipient self() {
        return new Recipient(SENDER, List.of(new EncryptionCertificate(alice.certificate(), Capabilities.ours())));
    }
}
