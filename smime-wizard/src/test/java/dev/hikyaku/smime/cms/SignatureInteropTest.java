package dev.hikyaku.smime.cms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.smime.revocation.RevocationChecker;
import dev.hikyaku.smime.revocation.RevocationStatus;
import dev.hikyaku.testworld.ca.FixtureCa;
import dev.hikyaku.testworld.ca.Issued;
import dev.hikyaku.testworld.ca.KeyType;
import dev.hikyaku.testworld.ca.Signer;
import dev.hikyaku.testworld.ca.Validity;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Signatures both ways against OpenSSL's {@code openssl cms}, and the verifier's findings. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignatureInteropTest {
    // OpenSSL signs at the machine's time, so the fixed clock starts from it.
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String ALICE = "alice@example.test";

    private final FixtureCa ca = FixtureCa.create(CLOCK);
    private final Issued aliceRsa = ca.issue(ca.smimeSpec(ALICE).withSigner(Signer.INTERMEDIATE));
    private final Issued aliceEc = ca.issue(ca.smimeSpec(ALICE).withKeyType(KeyType.EC_P256).withSigner(Signer.INTERMEDIATE));
    private final SmimeSigner signer = new SmimeSigner(CLOCK);
    private final SmimeVerifier verifier = verifier(CLOCK, RevocationChecker.offline());

    @TempDir
    Path directory;

    Stream<Arguments> variants() {
        SigningOptions defaults = SigningOptions.defaults();
        return Stream.of(
                Arguments.of("RSA PKCS#1 detached", false, defaults),
                Arguments.of("RSA PKCS#1 opaque", false, defaults.withFormat(SignatureFormat.OPAQUE)),
                Arguments.of("RSA-PSS detached", false, defaults.withRsaScheme(RsaSignatureScheme.PSS)),
                Arguments.of("RSA SHA-512 detached", false, defaults.withDigest(DigestAlgorithm.SHA_512)),
                Arguments.of("ECDSA detached", true, defaults),
                Arguments.of("ECDSA SHA-512 opaque", true, defaults.withDigest(DigestAlgorithm.SHA_512)
                        .withFormat(SignatureFormat.OPAQUE)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void openSslVerifiesWhatHikyakuSigns(String name, boolean ec, SigningOptions options) throws Exception {
        Issued alice = ec ? aliceEc : aliceRsa;
        MimeBodyPart signed = signer.sign(Mail.content(), credential(alice), options);
        Path message = Mail.write(signed, ALICE, directory.resolve("signed.eml"));
        Files.writeString(directory.resolve("root.pem"), ca.rootPem());

        // Only the root is given: the intermediate has to come from the signature itself.
        new OpenSsl(directory).ok("cms", "-verify", "-in", "signed.eml", "-CAfile", "root.pem",
                "-purpose", "smimesign", "-attime", Long.toString(NOW.getEpochSecond()), "-out", "content.out");

        String content = Files.readString(directory.resolve("content.out"), StandardCharsets.US_ASCII);
        assertTrue(content.startsWith("Content-Type: multipart/mixed"), content);
        assertTrue(content.contains("Please find the quote attached.") && content.contains("AAEC/w0KeA=="), content);
        VerificationReport report = verifier.verify(Mail.read(message), Optional.of(ALICE));
        assertTrue(report.valid(), () -> report.signers().get(0).findings().toString());
    }

    @Test
    void everySignatureAdvertisesGcmFirstAndNamesTheEncryptionCertificate() throws Exception {
        MimeBodyPart signed = signer.sign(Mail.text("hello"), credential(aliceRsa), SigningOptions.defaults());

        SignerReport report = verifier.verify(signed, Optional.of(ALICE)).signers().get(0);

        assertEquals(NISTObjectIdentifiers.id_aes256_GCM.getId(), report.capabilities().entries().get(0).algorithm());
        assertTrue(report.capabilities().lists(ContentCipher.AES_256_CBC));
        assertTrue(report.capabilities().oaep().isPresent());
        assertEquals(Optional.of(aliceRsa.certificate()), report.encryptionCertificate());
        assertEquals(aliceRsa.chain(), report.chain());
        assertEquals(NOW, report.signingTime());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("openSslSignings")
    void hikyakuVerifiesWhatOpenSslSigns(String name, boolean ec, String[] extra) throws Exception {
        Issued alice = ec ? aliceEc : aliceRsa;
        Mail.writePem(alice, directory, "alice");
        Files.write(directory.resolve("content.txt"), "Quote attached.\r\n見積書\r\n".getBytes(StandardCharsets.UTF_8));
        String[] base = {"cms", "-sign", "-in", "content.txt", "-text", "-signer", "alice.crt", "-inkey", "alice.key",
                "-certfile", "alice-ca.crt", "-from", ALICE, "-to", "bob@example.test", "-subject", "quote", "-out", "signed.eml"};
        new OpenSsl(directory).ok(Stream.concat(Stream.of(base), Stream.of(extra)).toArray(String[]::new));

        MimeMessage message = Mail.read(directory.resolve("signed.eml"));
        VerificationReport report = verifier.verify(message, Optional.of(ALICE));

        assertTrue(report.valid(), () -> report.signers().get(0).findings().toString());
        assertEquals(alice.certificate(), report.signers().get(0).certificate().orElseThrow());
        // openssl -text labels the content text/plain without a charset; the bytes are still the UTF-8 written.
        assertTrue(new String(report.content().getInputStream().readAllBytes(), StandardCharsets.UTF_8).contains("見積書"));
    }

    Stream<Arguments> openSslSignings() {
        return Stream.of(
                Arguments.of("RSA detached", false, new String[] {}),
                Arguments.of("RSA opaque", false, new String[] {"-nodetach"}),
                Arguments.of("RSA-PSS", false, new String[] {"-keyopt", "rsa_padding_mode:pss"}),
                Arguments.of("ECDSA SHA-512", true, new String[] {"-md", "sha512"}));
    }

    @Test
    void contentChangedAfterSigningIsReported() throws Exception {
        MimeBodyPart signed = signer.sign(Mail.text("pay 100 yen"), credential(aliceRsa), SigningOptions.defaults());
        Path file = Mail.write(signed, ALICE, directory.resolve("signed.eml"));
        Files.writeString(file, Files.readString(file, StandardCharsets.ISO_8859_1).replace("pay 100", "pay 900"),
                StandardCharsets.ISO_8859_1);

        SignerReport report = verifier.verify(Mail.read(file), Optional.of(ALICE)).signers().get(0);

        assertTrue(report.findings().contains(Finding.SIGNATURE_INVALID));
        assertFalse(report.valid());
    }

    @Test
    void certificateFromAnotherCaIsUntrusted() throws Exception {
        FixtureCa stranger = FixtureCa.create(CLOCK);
        MimeBodyPart signed = signer.sign(Mail.text("hi"), credential(stranger.smime(ALICE)), SigningOptions.defaults());

        SignerReport report = verifier.verify(signed, Optional.of(ALICE)).signers().get(0);

        assertEquals(List.of(Finding.CHAIN_UNTRUSTED), report.findings());
    }

    @Test
    void fromAddressNotInTheCertificateIsReported() throws Exception {
        MimeBodyPart signed = signer.sign(Mail.text("hi"), credential(aliceRsa), SigningOptions.defaults());

        SignerReport report = verifier.verify(signed, Optional.of("mallory@example.test")).signers().get(0);

        assertTrue(report.findings().contains(Finding.ADDRESS_MISMATCH));
        assertFalse(report.valid());
    }

    @Test
    void validityCountsAtSigningTimeNotAtReading() throws Exception {
        Issued shortLived = ca.issue(ca.smimeSpec(ALICE).withFreshKey()
                .withValidity(new Validity(NOW.minus(Duration.ofDays(10)), NOW.plus(Duration.ofDays(10)))));
        MimeBodyPart signedInTime = signer.sign(Mail.text("hi"), credential(shortLived), SigningOptions.defaults());
        Clock later = Clock.offset(CLOCK, Duration.ofDays(400));
        MimeBodyPart signedLate = new SmimeSigner(later).sign(Mail.text("hi"), credential(shortLived), SigningOptions.defaults());

        SmimeVerifier readingLater = verifier(later, RevocationChecker.offline());

        assertTrue(readingLater.verify(signedInTime, Optional.of(ALICE)).valid());
        assertEquals(List.of(Finding.EXPIRED_AT_SIGNING, Finding.REVOCATION_NOT_CHECKED),
                readingLater.verify(signedLate, Optional.of(ALICE)).signers().get(0).findings());
    }

    @Test
    void revocationNotCheckedIsReportedButNotFatal() throws Exception {
        MimeBodyPart signed = signer.sign(Mail.text("hi"), credential(aliceRsa), SigningOptions.defaults());

        VerificationReport report = verifier.verify(signed, Optional.of(ALICE));

        assertEquals(List.of(Finding.REVOCATION_NOT_CHECKED), report.signers().get(0).findings());
        assertTrue(report.valid());
    }

    @Test
    void revokedCertificateIsFatal() throws Exception {
        MimeBodyPart signed = signer.sign(Mail.text("hi"), credential(aliceRsa), SigningOptions.defaults());
        // Only the signer's own certificate: the intermediate above it stays good.
        SmimeVerifier strict = verifier(CLOCK, (certificate, issuer, at) -> certificate.equals(aliceRsa.certificate())
                ? new RevocationStatus.Revoked("test CRL", NOW.minus(Duration.ofDays(1)))
                : new RevocationStatus.Good("test CRL"));

        VerificationReport report = strict.verify(signed, Optional.of(ALICE));

        assertEquals(List.of(Finding.REVOKED), report.signers().get(0).findings());
        assertFalse(report.valid());
    }

    @Test
    void opaqueSignatureContentSurvivesTheRoundTrip() throws Exception {
        MimeBodyPart signed = signer.sign(Mail.content(), credential(aliceEc), SigningOptions.defaults()
                .withFormat(SignatureFormat.OPAQUE));
        MimeMessage read = Mail.read(Mail.write(signed, ALICE, directory.resolve("opaque.eml")));

        VerificationReport report = verifier.verify(read, Optional.of(ALICE));

        assertTrue(report.valid());
        assertEquals(2, ((MimeMultipart) report.content().getContent()).getCount());
    }

    private SmimeVerifier verifier(Clock clock, RevocationChecker revocation) {
        return new SmimeVerifier(Set.of(new TrustAnchor(ca.root(), null)), revocation, clock);
    }

    static Credential credential(Issued issued) {
        return new Credential(issued.key(), issued.chain());
    }
}
