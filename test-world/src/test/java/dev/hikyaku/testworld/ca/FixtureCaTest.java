package dev.hikyaku.testworld.ca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PublicKey;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

// One CA (and its cached RSA keys) for the whole class; every test still gets fresh certificates.
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FixtureCaTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2030-04-01T00:00:00Z"), ZoneOffset.UTC);
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String EMAIL_PROTECTION = "1.3.6.1.5.5.7.3.4";

    private final FixtureCa ca = FixtureCa.create(CLOCK);

    @Test
    void serverChainValidatesAgainstTheRoot() throws Exception {
        Issued issued = ca.server("mx1.example.test", "mx2.example.test");

        validate(issued.chain(), ca.root());
        X509Certificate leaf = issued.certificate();
        assertEquals(List.of(SERVER_AUTH), leaf.getExtendedKeyUsage());
        assertEquals(-1, leaf.getBasicConstraints());
        assertEquals(Set.of("mx1.example.test", "mx2.example.test"), sanValues(leaf, 2));
        assertEquals(2048, ((RSAPublicKey) leaf.getPublicKey()).getModulus().bitLength());
    }

    @Test
    void aRequestersKeyIsSignedAsTheBaselineSaysAndEachDefectChangesOnlyItsPart() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        PublicKey key = generator.generateKeyPair().getPublic();

        List<X509Certificate> chain = ca.issue(key, ca.requestedSpec("alice@example.test", key));

        validate(chain, ca.root());
        X509Certificate leaf = chain.get(0);
        assertEquals(key, leaf.getPublicKey());
        assertEquals(List.of(EMAIL_PROTECTION), leaf.getExtendedKeyUsage());
        assertEquals(Set.of("alice@example.test"), sanValues(leaf, 1));
        // digitalSignature and keyAgreement: an EC key agrees on content keys rather than enciphering them.
        assertTrue(leaf.getKeyUsage()[0] && leaf.getKeyUsage()[4] && !leaf.getKeyUsage()[2]);
        assertTrue(leaf.getExtensionValue("2.5.29.32") != null, "the certificate policies extension");

        X509Certificate bare = ca.issue(key, ca.requestedSpec("alice@example.test", key).withExtendedKeyUsages()
                .withKeyUsage(-1).withSanEmails().withPolicies().withSigner(Signer.ROOT).asAuthority()).get(0);
        assertEquals(null, bare.getExtendedKeyUsage());
        assertEquals(null, bare.getKeyUsage());
        assertEquals(null, bare.getSubjectAlternativeNames());
        assertEquals(null, bare.getExtensionValue("2.5.29.32"));
        assertTrue(bare.getBasicConstraints() >= 0);
        assertThrows(IllegalArgumentException.class,
                () -> ca.requestedSpec("alice@example.test", key).withSigner(Signer.SELF_SIGNED));
    }

    @Test
    void rootIsASelfSignedCa() throws Exception {
        X509Certificate root = ca.root();

        root.verify(root.getPublicKey());
        assertTrue(root.getBasicConstraints() >= 0);
        assertTrue(ca.rootPem().startsWith("-----BEGIN CERTIFICATE-----\n"));
    }

    @Test
    void intermediateChainValidatesAgainstTheRoot() throws Exception {
        Issued issued = ca.issue(ca.serverSpec("mx.example.test").withSigner(Signer.INTERMEDIATE)
                .withKeyType(KeyType.EC_P256));

        assertEquals(List.of(issued.certificate(), ca.intermediate()), issued.chain());
        assertEquals("EC", issued.key().getAlgorithm());
        validate(issued.chain(), ca.root());
    }

    @Test
    void expiredCertificateFailsOnDate() {
        Issued issued = ca.issue(ca.serverSpec("mx.example.test").withValidity(Validity.expired(CLOCK)));

        CertPathValidatorException failure = assertThrows(CertPathValidatorException.class,
                () -> validate(issued.chain(), ca.root()));
        assertEquals(CertPathValidatorException.BasicReason.EXPIRED, failure.getReason());
    }

    @Test
    void notYetValidCertificateFailsOnDate() {
        Issued issued = ca.issue(ca.serverSpec("mx.example.test").withValidity(Validity.notYetValid(CLOCK)));

        CertPathValidatorException failure = assertThrows(CertPathValidatorException.class,
                () -> validate(issued.chain(), ca.root()));
        assertEquals(CertPathValidatorException.BasicReason.NOT_YET_VALID, failure.getReason());
    }

    @Test
    void selfSignedCertificateIsNotTrusted() {
        Issued issued = ca.issue(ca.serverSpec("mx.example.test").withSigner(Signer.SELF_SIGNED));

        assertEquals(issued.certificate().getSubjectX500Principal(), issued.certificate().getIssuerX500Principal());
        assertThrows(CertificateException.class,
                () -> ca.trustManager().checkServerTrusted(issued.chain().toArray(X509Certificate[]::new), "RSA"));
    }

    @Test
    void anotherCaDoesNotTrustThisOne() {
        Issued issued = ca.server("mx.example.test");
        FixtureCa other = FixtureCa.create(CLOCK);

        assertThrows(CertPathValidatorException.class, () -> validate(issued.chain(), other.root()));
    }

    @Test
    void weakKeyIsRsa1024() {
        Issued issued = ca.issue(ca.serverSpec("mx.example.test").withKeyType(KeyType.RSA_1024));

        assertEquals(1024, ((RSAPublicKey) issued.certificate().getPublicKey()).getModulus().bitLength());
    }

    @Test
    void eachCertificateIsDistinct() {
        assertNotEquals(ca.server("mx.example.test").certificate(), ca.server("mx.example.test").certificate());
    }

    @Test
    void smimeCertificateCarriesTheAddressAndEmailProtection() throws Exception {
        Issued issued = ca.smime("alice@example.test");
        X509Certificate leaf = issued.certificate();

        validate(issued.chain(), ca.root());
        assertEquals(Set.of("alice@example.test"), sanValues(leaf, 1));
        assertEquals(List.of(EMAIL_PROTECTION), leaf.getExtendedKeyUsage());
        boolean[] usage = leaf.getKeyUsage();
        assertTrue(usage[0], "digitalSignature");
        assertTrue(usage[2], "keyEncipherment");
    }

    @Test
    void smimeSpecIssuesUnderTheIntermediateOnAFreshKey() throws Exception {
        Issued shared = ca.smime("bob@example.test");
        Issued fresh = ca.issue(ca.smimeSpec("bob@example.test").withSigner(Signer.INTERMEDIATE).withFreshKey());

        validate(fresh.chain(), ca.root());
        assertEquals(ca.intermediate(), fresh.chain().get(1));
        assertNotEquals(shared.certificate().getPublicKey(), fresh.certificate().getPublicKey());
    }

    @Test
    void ecSmimeCertificateAgreesKeysInsteadOfEnciphering() {
        boolean[] usage = ca.smime("carol@example.test", KeyType.EC_P256, Validity.current(CLOCK, Duration.ofDays(30)))
                .certificate().getKeyUsage();
        assertTrue(usage[4], "keyAgreement");
        assertFalse(usage[2], "no keyEncipherment");
    }

    @Test
    void pkcs12FileHoldsKeyAndChain(@TempDir Path directory) throws Exception {
        Issued issued = ca.issue(ca.serverSpec("mx.example.test").withSigner(Signer.INTERMEDIATE));
        char[] password = "secret".toCharArray();
        Path file = issued.writePkcs12(directory.resolve("mx.p12"), password);

        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password);
        }
        String alias = store.aliases().nextElement();
        assertEquals(issued.key(), store.getKey(alias, password));
        assertEquals(issued.chain(), List.of(store.getCertificateChain(alias)));
    }

    @Test
    void pemChainParsesBack() throws Exception {
        Issued issued = ca.issue(ca.serverSpec("mx.example.test").withSigner(Signer.INTERMEDIATE));

        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        List<?> parsed = List.copyOf(factory.generateCertificates(
                new ByteArrayInputStream(issued.chainPem().getBytes(StandardCharsets.US_ASCII))));
        assertEquals(issued.chain(), parsed);
        assertTrue(issued.keyPem().startsWith("-----BEGIN PRIVATE KEY-----\n"));
    }

    private static void validate(List<X509Certificate> chain, X509Certificate root) throws Exception {
        CertPath path = CertificateFactory.getInstance("X.509").generateCertPath(chain);
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(root, null)));
        parameters.setRevocationEnabled(false);
        parameters.setDate(Date.from(CLOCK.instant()));
        CertPathValidator.getInstance("PKIX").validate(path, parameters);
    }

    private static Set<String> sanValues(X509Certificate certificate, int type) throws Exception {
        return certificate.getSubjectAlternativeNames().stream()
                .filter(name -> (Integer) name.get(0) == type)
                .map(name -> (String) name.get(1))
                .collect(Collectors.toSet());
    }
}
