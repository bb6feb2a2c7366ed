package dev.hikyaku.advisor.dane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.testworld.ca.FixtureCa;
import dev.hikyaku.testworld.ca.Issued;
import dev.hikyaku.testworld.ca.Signer;
import dev.hikyaku.testworld.ca.Validity;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

/** DANE-TA (usage 2) pins a CA of the presented chain, which must sign down to a leaf naming the MX host. */
class DaneTaTest {
    private static final FixtureCa CA = FixtureCa.create();
    private static final String MX = "mx.example.test";

    private final DaneVerifier verifier = new DaneVerifier(Clock.systemUTC());

    private static TlsaAssociation intermediateRecord() throws Exception {
        return Tlsa.of(TlsaAssociation.DANE_TA, 1, 1, CA.intermediate());
    }

    @Test
    void theIntermediateMatchesWhenTheLeafNamesTheMxHost() throws Exception {
        Issued issued = CA.issue(CA.serverSpec(MX).withSigner(Signer.INTERMEDIATE));
        assertEquals(new DaneOutcome.Matched(intermediateRecord()),
                verifier.verify(List.of(intermediateRecord()), issued.chain(), MX));
    }

    @Test
    void theFullIntermediateCertificateMatchesToo() throws Exception {
        Issued issued = CA.issue(CA.serverSpec(MX).withSigner(Signer.INTERMEDIATE));
        TlsaAssociation record = Tlsa.of(TlsaAssociation.DANE_TA, 0, 0, CA.intermediate());
        assertEquals(new DaneOutcome.Matched(record), verifier.verify(List.of(record), issued.chain(), MX));
    }

    @Test
    void aLeafForAnotherNameFailsUnderDaneTa() throws Exception {
        Issued issued = CA.issue(CA.serverSpec("other.example.test").withSigner(Signer.INTERMEDIATE));
        DaneOutcome.Mismatch mismatch = assertInstanceOf(DaneOutcome.Mismatch.class,
                verifier.verify(List.of(intermediateRecord()), issued.chain(), MX));
        assertTrue(mismatch.reason().contains("does not name " + MX), mismatch.reason());
    }

    @Test
    void anExpiredLeafBelowThePinnedIntermediateFails() throws Exception {
        Issued issued = CA.issue(CA.serverSpec(MX).withSigner(Signer.INTERMEDIATE)
                .withValidity(Validity.expired(Clock.systemUTC())));
        assertInstanceOf(DaneOutcome.Mismatch.class, verifier.verify(List.of(intermediateRecord()), issued.chain(), MX));
    }

    @Test
    void aLeafOfAnotherCaWithTheIntermediateAppendedFails() throws Exception {
        X509Certificate stranger = FixtureCa.create().issue(CA.serverSpec(MX).withSigner(Signer.INTERMEDIATE)).certificate();
        assertInstanceOf(DaneOutcome.Mismatch.class,
                verifier.verify(List.of(intermediateRecord()), List.of(stranger, CA.intermediate()), MX));
    }

    @Test
    void aLeafNamingTheIntermediateAsIssuerButSignedByAnotherKeyFails() throws Exception {
        X509Certificate forged = forgedUnder(CA.intermediate(), MX);
        DaneOutcome.Mismatch mismatch = assertInstanceOf(DaneOutcome.Mismatch.class,
                verifier.verify(List.of(intermediateRecord()), List.of(forged, CA.intermediate()), MX));
        assertTrue(mismatch.reason().contains("not signed by"), mismatch.reason());
    }

    /** A leaf whose issuer field names {@code issuer} but whose signature comes from a fresh, unrelated key. */
    private static X509Certificate forgedUnder(X509Certificate issuer, String host) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        KeyPair keys = generator.generateKeyPair();
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer.getSubjectX500Principal(),
                BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(Duration.ofHours(1))),
                Date.from(now.plus(Duration.ofDays(30))), new X500Principal("CN=" + host),
                keys.getPublic());
        builder.addExtension(Extension.subjectAlternativeName, false,
                new GeneralNames(new GeneralName(GeneralName.dNSName, host)));
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
    }
}
