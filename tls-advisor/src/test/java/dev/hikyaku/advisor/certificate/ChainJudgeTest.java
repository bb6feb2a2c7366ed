package dev.hikyaku.advisor.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.testworld.ca.FixtureCa;
import dev.hikyaku.testworld.ca.KeyType;
import dev.hikyaku.testworld.ca.ServerCertificateSpec;
import dev.hikyaku.testworld.ca.Signer;
import dev.hikyaku.testworld.ca.Validity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** ChainJudge keeps trust, dates, name and key strength apart, judged on fixture CA certificates. */
class ChainJudgeTest {
    private static final FixtureCa CA = FixtureCa.create();
    private static final String HOST = "mx.example.test";

    private final ChainJudge judge = ChainJudge.trusting(List.of(CA.root()), Clock.systemUTC());

    private ChainJudgement judge(ServerCertificateSpec spec) {
        return judge.judge(CA.issue(spec).chain(), HOST);
    }

    @Test
    void aCertificateFromTheRootIsValid() {
        ChainJudgement judgement = judge(CA.serverSpec(HOST));
        assertTrue(judgement.valid(), judgement.toString());
        assertEquals(Optional.empty(), judgement.trustProblem());
    }

    @Test
    void aChainThroughTheIntermediateIsTrusted() {
        ChainJudgement judgement = judge(CA.serverSpec(HOST).withSigner(Signer.INTERMEDIATE));
        assertTrue(judgement.valid(), judgement.toString());
    }

    @Test
    void aSelfSignedCertificateIsUntrustedAndSaysSo() {
        ChainJudgement judgement = judge(CA.serverSpec(HOST).withSigner(Signer.SELF_SIGNED));
        assertFalse(judgement.trusted());
        assertEquals(Optional.of("self-signed certificate"), judgement.trustProblem());
        assertTrue(judgement.nameMatches() && judgement.inDate());
    }

    @Test
    void aCertificateOfAnotherCaHasNoPath() {
        ChainJudgement judgement = judge.judge(FixtureCa.create().server(HOST).chain(), HOST);
        assertFalse(judgement.trusted());
        assertEquals(Optional.of("no path to a trusted CA"), judgement.trustProblem());
    }

    @Test
    void anExpiredCertificateIsOutOfDateButStillFromATrustedCa() {
        ChainJudgement judgement = judge(CA.serverSpec(HOST).withValidity(Validity.expired(Clock.systemUTC())));
        assertFalse(judgement.inDate());
        assertTrue(judgement.trusted(), judgement.toString());
        assertFalse(judgement.valid());
    }

    @Test
    void anExpiredCertificateBelowTheIntermediateIsStillFromATrustedCa() {
        ChainJudgement judgement = judge(CA.serverSpec(HOST).withSigner(Signer.INTERMEDIATE)
                .withValidity(Validity.expired(Clock.systemUTC())));
        assertFalse(judgement.inDate());
        assertTrue(judgement.trusted(), judgement.toString());
    }

    @Test
    void trustIsJudgedEvenWhenTheLeafEndedTheSecondTheIntermediateBegan() {
        Instant intermediateStart = CA.intermediate().getNotBefore().toInstant();
        ChainJudgement judgement = judge(CA.serverSpec(HOST).withSigner(Signer.INTERMEDIATE)
                .withValidity(new Validity(intermediateStart.minus(Duration.ofDays(30)), intermediateStart)));
        assertFalse(judgement.inDate());
        assertTrue(judgement.trusted(), judgement.toString());
    }

    @Test
    void aNotYetValidCertificateIsOutOfDateButStillFromATrustedCa() {
        ChainJudgement judgement = judge(CA.serverSpec(HOST).withSigner(Signer.INTERMEDIATE)
                .withValidity(Validity.notYetValid(Clock.systemUTC())));
        assertFalse(judgement.inDate());
        assertTrue(judgement.trusted(), judgement.toString());
    }

    @Test
    void aCertificateForAnotherNameDoesNotMatch() {
        ChainJudgement judgement = judge(CA.serverSpec("mail.elsewhere.test"));
        assertFalse(judgement.nameMatches());
        assertTrue(judgement.trusted() && judgement.inDate());
        assertFalse(judgement.valid());
    }

    @Test
    void rsa1024IsAWeakKey() {
        ChainJudgement judgement = judge(CA.serverSpec(HOST).withKeyType(KeyType.RSA_1024));
        assertFalse(judgement.strongKey());
        assertEquals("RSA 1024", judgement.keyDescription());
        assertFalse(judgement.valid());
    }

    @Test
    void ecP256AndRsa2048AreStrongKeys() {
        ChainJudgement ec = judge(CA.serverSpec(HOST).withKeyType(KeyType.EC_P256));
        assertTrue(ec.strongKey());
        assertEquals("EC 256", ec.keyDescription());
        ChainJudgement rsa = judge(CA.serverSpec(HOST));
        assertTrue(rsa.strongKey());
        assertEquals("RSA 2048", rsa.keyDescription());
    }
}
