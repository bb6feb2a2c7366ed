package dev.hikyaku.smime.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.smime.cms.Capabilities;
import dev.hikyaku.smime.cms.Credential;
import dev.hikyaku.smime.cms.EncryptionCertificate;
import dev.hikyaku.smime.cms.Recipient;
import dev.hikyaku.smime.cms.SmimeDecryptor;
import dev.hikyaku.smime.cms.SmimeEncryptor;
import dev.hikyaku.testworld.ca.FixtureCa;
import dev.hikyaku.testworld.ca.Issued;
import dev.hikyaku.testworld.ca.KeyType;
import dev.hikyaku.testworld.ca.Signer;
import dev.hikyaku.testworld.ca.Validity;
import jakarta.mail.internet.MimeBodyPart;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The own-identity store: protection at rest, PKCS#12 round trips with OpenSSL, choice of key, key history. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdentityStoreTest {
    private static final Instant NOW = Instant.parse("2030-06-01T00:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String ALICE = "alice@example.test";
    private static final char[] STORE_PASSWORD = "store secret".toCharArray();
    // Small PBKDF2 cost keeps tests quick; the format is the same as with the default 600 000.
    private static final int ITERATIONS = 2_048;

    private final FixtureCa ca = FixtureCa.create(CLOCK);
    private final Issued oldKey = ca.issue(ca.smimeSpec(ALICE).withFreshKey().withSigner(Signer.INTERMEDIATE)
            .withValidity(new Validity(NOW.minus(Duration.ofDays(700)), NOW.minus(Duration.ofDays(335)))));
    private final Issued currentKey = ca.issue(ca.smimeSpec(ALICE).withFreshKey().withSigner(Signer.INTERMEDIATE)
            .withValidity(new Validity(NOW.minus(Duration.ofDays(340)), NOW.plus(Duration.ofDays(25)))));

    @TempDir
    Path directory;

    @Test
    void everyKeyAndChainSurvivesReopening() throws Exception {
        Path file = directory.resolve("identities.p12");
        IdentityStore store = open(file, CLOCK);
        store.add(credential(oldKey));
        store.add(credential(currentKey));
        store.add(credential(currentKey));

        IdentityStore reopened = open(file, CLOCK);

        assertEquals(List.of(credential(currentKey), credential(oldKey)),
                reopened.all().stream().map(Identity::credential).toList());
        assertEquals(2, reopened.history(ALICE).size());
    }

    @Test
    void storeFileIsAesAndPbkdf2ProtectedWithASha256Mac() throws Exception {
        Path file = directory.resolve("identities.p12");
        open(file, CLOCK).add(credential(currentKey));

        String info = openSsl("pkcs12", "-info", "-noout", "-in", file.toString(), "-passin", "pass:store secret");

        assertTrue(info.contains("MAC: sha256"), info);
        assertTrue(info.contains("PBES2, PBKDF2, AES-256-CBC"), info);
        assertTrue(!info.contains("3DES") && !info.contains("RC2"), info);
    }

    @Test
    void wrongStorePasswordIsSaidSo() throws Exception {
        Path file = directory.resolve("identities.p12");
        open(file, CLOCK).add(credential(currentKey));

        IdentityStoreException error = assertThrows(IdentityStoreException.class, () -> IdentityStore.open(file,
                () -> "guess".toCharArray(), CLOCK, new SecureRandom(), ITERATIONS));

        assertEquals("pkcs12.wrongPassword", error.notice().key());
    }

    @Test
    void modernExportOpensInOpenSslWithTheWholeChain() throws Exception {
        IdentityStore store = open(directory.resolve("identities.p12"), CLOCK);
        store.add(credential(currentKey));
        Path exported = export(store, Pkcs12Format.MODERN, "export.p12");

        String info = openSsl("pkcs12", "-info", "-noout", "-in", exported.toString(), "-passin", "pass:for outlook");
        openSsl("pkcs12", "-in", exported.toString(), "-passin", "pass:for outlook", "-nodes", "-out",
                directory.resolve("all.pem").toString());

        assertTrue(info.contains("PBES2, PBKDF2, AES-256-CBC"), info);
        String pem = Files.readString(directory.resolve("all.pem"));
        assertEquals(2, pem.split("BEGIN CERTIFICATE", -1).length - 1, "leaf and intermediate");
        assertTrue(pem.contains("BEGIN PRIVATE KEY"));
    }

    @Test
    void legacyExportUsesTripleDesAndSha1ForOldWindows() throws Exception {
        IdentityStore store = open(directory.resolve("identities.p12"), CLOCK);
        store.add(credential(currentKey));
        Path exported = export(store, Pkcs12Format.LEGACY, "legacy.p12");

        String info = openSsl("pkcs12", "-info", "-noout", "-in", exported.toString(), "-passin", "pass:for outlook");

        assertTrue(info.contains("MAC: sha1"), info);
        assertTrue(info.contains("pbeWithSHA1And3-KeyTripleDES-CBC"), info);
        try (InputStream in = Files.newInputStream(exported)) {
            assertEquals(List.of(credential(currentKey)), Pkcs12Codec.read(in, "for outlook".toCharArray()));
        }
    }

    @Test
    void importsWhatOpenSslExportsModernAndLegacy() throws Exception {
        Files.writeString(directory.resolve("alice.crt"), currentKey.chainPem());
        Files.writeString(directory.resolve("alice.key"), currentKey.keyPem());
        openSsl("pkcs12", "-export", "-in", "alice.crt", "-inkey", "alice.key", "-passout", "pass:from ca",
                "-out", "modern.p12");
        openSsl("pkcs12", "-export", "-in", "alice.crt", "-inkey", "alice.key", "-passout", "pass:from ca",
                "-keypbe", "PBE-SHA1-3DES", "-certpbe", "PBE-SHA1-3DES", "-macalg", "sha1", "-out", "legacy.p12");
        IdentityStore store = open(directory.resolve("identities.p12"), CLOCK);

        for (String name : List.of("modern.p12", "legacy.p12")) {
            try (InputStream in = Files.newInputStream(directory.resolve(name))) {
                store.importPkcs12(in, "from ca".toCharArray());
            }
        }

        assertEquals(List.of(credential(currentKey)), store.all().stream().map(Identity::credential).toList());
        assertEquals(currentKey.chain(), open(directory.resolve("identities.p12"), CLOCK).all().get(0).credential().chain());
    }

    @Test
    void signingPicksTheValidIdentityThatLastsLongest() throws Exception {
        Issued ecKey = ca.issue(ca.smimeSpec(ALICE).withKeyType(KeyType.EC_P256).withFreshKey()
                .withValidity(new Validity(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(300)))));
        IdentityStore store = open(directory.resolve("identities.p12"), CLOCK);
        store.add(credential(oldKey));
        store.add(credential(currentKey));
        store.add(credential(ecKey));

        assertEquals(credential(ecKey), store.signing(ALICE).orElseThrow().credential());
        assertEquals(List.of(credential(ecKey), credential(currentKey)),
                store.encryption(ALICE).stream().map(Identity::credential).toList());
        assertTrue(store.signing("bob@example.test").isEmpty());
    }

    @Test
    void mailToAnExpiredKeyOpensYearsLaterAfterReopening() throws Exception {
        Path file = directory.resolve("identities.p12");
        IdentityStore store = open(file, CLOCK);
        store.add(credential(currentKey));
        MimeBodyPart text = new MimeBodyPart();
        text.setText("old quote", "UTF-8");
        MimeBodyPart encrypted = new SmimeEncryptor(CLOCK, new SecureRandom()).encrypt(text,
                new Recipient(ALICE, List.of(new EncryptionCertificate(currentKey.certificate(), Capabilities.ours()))),
                List.of()).part();
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        encrypted.writeTo(wire);
        // Two years on, the certificate has long expired and a new key was added.
        Clock later = Clock.offset(CLOCK, Duration.ofDays(730));
        Issued newer = ca.issue(ca.smimeSpec(ALICE).withFreshKey()
                .withValidity(Validity.current(later, Duration.ofDays(365))));
        open(file, later).add(credential(newer));

        IdentityStore reopened = open(file, later);
        MimeBodyPart opened = new SmimeDecryptor(reopened).decrypt(new MimeBodyPart(new ByteArrayInputStream(wire.toByteArray())));

        assertEquals("old quote", opened.getContent());
        assertEquals(credential(newer), reopened.signing(ALICE).orElseThrow().credential());
    }

    private Path export(IdentityStore store, Pkcs12Format format, String name) throws Exception {
        Path exported = directory.resolve(name);
        try (OutputStream out = Files.newOutputStream(exported)) {
            store.exportPkcs12(store.all().get(0), format, "for outlook".toCharArray(), out);
        }
        return exported;
    }

    private String openSsl(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), output);
        return output;
    }

    private static IdentityStore open(Path file, Clock clock) throws IdentityStoreException {
        return IdentityStore.open(file, STORE_PASSWORD::clone, clock, new SecureRandom(), ITERATIONS);
    }

    private static Credential credential(Issued issued) {
        return new Credential(issued.key(), issued.chain());
    }
}
