package dev.hikyaku.advisor.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hikyaku.advisor.certificate.ChainJudgement;
import dev.hikyaku.advisor.dane.DaneOutcome;
import dev.hikyaku.advisor.dane.TlsaAssociation;
import dev.hikyaku.advisor.mtasts.MtaStsMode;
import dev.hikyaku.advisor.mtasts.MtaStsPolicy;
import dev.hikyaku.advisor.mtasts.MxPattern;
import dev.hikyaku.advisor.probe.ProbeOutcome;
import dev.hikyaku.advisor.probe.TlsSession;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VerdictJudgeTest {
    private final VerdictJudge judge = new VerdictJudge();

    private static final ChainJudgement VALID = chain(true, true, true);
    private static final TlsaAssociation EE = new TlsaAssociation(3, 1, 1, new byte[32]);

    static ChainJudgement chain(boolean trusted, boolean name, boolean inDate) {
        return new ChainJudgement("CN=mx", "CN=CA", Instant.EPOCH, trusted,
                trusted ? Optional.empty() : Optional.of("self-signed certificate"), name, inDate, true, "RSA 2048");
    }

    static MxFacts tls(String host, ChainJudgement chain) {
        return new MxFacts(host, new ProbeOutcome.Tls("220 hi", new TlsSession("TLSv1.3", "TLS_AES_128_GCM_SHA256", List.of()), List.of()),
                Optional.of(chain), new TlsaState.None(), Optional.empty());
    }

    static MxFacts silent(String host) {
        return new MxFacts(host, new ProbeOutcome.NoAnswer("connection timed out"), Optional.empty(), new TlsaState.None(), Optional.empty());
    }

    static MxFacts plain(String host) {
        return new MxFacts(host, new ProbeOutcome.NoStartTls("220 hi", List.of("PIPELINING")), Optional.empty(), new TlsaState.None(), Optional.empty());
    }

    static MxFacts dane(MxFacts mx, DaneOutcome outcome) {
        return new MxFacts(mx.host(), mx.outcome(), mx.chain(), new TlsaState.Secure(List.of(EE)), Optional.of(outcome));
    }

    static RouteFacts route(List<MxFacts> hosts) {
        return new RouteFacts(false, hosts, Optional.empty(), false, false);
    }

    static Optional<MtaStsPolicy> policy(MtaStsMode mode, String... patterns) {
        return Optional.of(new MtaStsPolicy(mode, Duration.ofDays(1), List.of(patterns).stream().map(MxPattern::new).toList()));
    }

    @Test
    void validTlsEverywhereIsEncrypted() {
        assertEquals(new Verdict.Encrypted(true), judge.judge(route(List.of(tls("mx1.a.jp", VALID), tls("mx2.a.jp", VALID)))));
    }

    @Test
    void oneMxWithoutStartTlsMakesTheDomainPlaintext() {
        assertEquals(new Verdict.Plaintext(List.of("mx2.a.jp: no STARTTLS"), false),
                judge.judge(route(List.of(tls("mx1.a.jp", VALID), plain("mx2.a.jp")))));
    }

    @Test
    void deadPrimaryDoesNotLowerAGoodBackup() {
        assertEquals(new Verdict.Encrypted(true), judge.judge(route(List.of(silent("mx1.a.jp"), tls("mx2.a.jp", VALID)))));
    }

    @Test
    void refusedServersAreNotJudged() {
        MxFacts refused = new MxFacts("mx1.a.jp", new ProbeOutcome.Refused("421 busy", "greeting was not 220"),
                Optional.empty(), new TlsaState.None(), Optional.empty());
        assertEquals(new Verdict.Unknown(Verdict.UnknownCause.NO_MX_ANSWERED, ""), judge.judge(route(List.of(refused))));
    }

    @Test
    void selfSignedExpiredOrWrongNameIsUnverified() {
        assertEquals(new Verdict.EncryptedUnverified(List.of("mx1.a.jp: self-signed certificate", "mx1.a.jp: certificate is for another name",
                        "mx1.a.jp: certificate expired or not yet valid")),
                judge.judge(route(List.of(tls("mx1.a.jp", chain(false, false, false))))));
    }

    @Test
    void legacyTlsIsUnverifiedNotPlaintext() {
        MxFacts legacy = new MxFacts("mx1.a.jp", new ProbeOutcome.LegacyTlsOnly("220 hi", "TLSv1", List.of()),
                Optional.of(VALID), new TlsaState.None(), Optional.empty());
        assertEquals(new Verdict.EncryptedUnverified(List.of("mx1.a.jp: TLS 1.1 or older only (TLSv1)")), judge.judge(route(List.of(legacy))));
    }

    @Test
    void mtaStsEnforceCoveringEveryAnsweringMxAuthenticates() {
        RouteFacts facts = new RouteFacts(false, List.of(tls("mx1.a.jp", VALID), silent("mx9.b.jp")),
                policy(MtaStsMode.ENFORCE, "*.a.jp"), false, false);
        assertEquals(new Verdict.Authenticated(Verdict.Pin.MTA_STS, true), judge.judge(facts));
    }

    @Test
    void mtaStsEnforceNotMatchingTheMxIsAFailedPin() {
        RouteFacts facts = new RouteFacts(false, List.of(tls("mx1.a.jp", VALID)), policy(MtaStsMode.ENFORCE, "mail.other.jp"), false, false);
        assertEquals(new Verdict.Plaintext(List.of("mx1.a.jp: not listed in the MTA-STS enforce policy"), true), judge.judge(facts));
    }

    @Test
    void mtaStsEnforceWithABadCertificateIsAFailedPin() {
        RouteFacts facts = new RouteFacts(false, List.of(tls("mx1.a.jp", chain(false, true, true))), policy(MtaStsMode.ENFORCE, "mx1.a.jp"), false, false);
        assertEquals(new Verdict.Plaintext(List.of("mx1.a.jp: fails the MTA-STS enforce policy (self-signed certificate)"), true), judge.judge(facts));
    }

    @Test
    void mtaStsTestingPinsNothing() {
        RouteFacts facts = new RouteFacts(false, List.of(tls("mx1.a.jp", VALID)), policy(MtaStsMode.TESTING, "mx1.a.jp"), false, false);
        assertEquals(new Verdict.Encrypted(true), judge.judge(facts));
    }

    @Test
    void daneEeMatchAuthenticatesEvenASelfSignedCertificate() {
        RouteFacts facts = new RouteFacts(true, List.of(dane(tls("mx1.a.jp", chain(false, false, true)), new DaneOutcome.Matched(EE))),
                Optional.empty(), false, false);
        assertEquals(new Verdict.Authenticated(Verdict.Pin.DANE, true), judge.judge(facts));
    }

    @Test
    void daneMismatchIsAFailedPin() {
        RouteFacts facts = new RouteFacts(true, List.of(dane(tls("mx1.a.jp", VALID), new DaneOutcome.Mismatch("no TLSA record matches"))),
                Optional.empty(), false, false);
        assertEquals(new Verdict.Plaintext(List.of("mx1.a.jp: DANE mismatch (no TLSA record matches)"), true), judge.judge(facts));
    }

    @Test
    void tlsaUnderAnInsecureMxRrsetDoesNotPin() {
        RouteFacts facts = new RouteFacts(false, List.of(dane(tls("mx1.a.jp", VALID), new DaneOutcome.Matched(EE))),
                Optional.empty(), false, false);
        assertEquals(new Verdict.Encrypted(true), judge.judge(facts));
    }

    @Test
    void unreachableButPinnedByDnsOrPolicyIsAuthenticatedNotProbed() {
        MxFacts tlsaOnly = new MxFacts("mx1.a.jp", new ProbeOutcome.NoAnswer("timed out"), Optional.empty(),
                new TlsaState.Secure(List.of(EE)), Optional.empty());
        assertEquals(new Verdict.Authenticated(Verdict.Pin.DANE, false),
                judge.judge(new RouteFacts(true, List.of(tlsaOnly), Optional.empty(), true, false)));
        assertEquals(new Verdict.Authenticated(Verdict.Pin.MTA_STS, false),
                judge.judge(new RouteFacts(false, List.of(silent("mx1.a.jp")), policy(MtaStsMode.ENFORCE, "*.a.jp"), true, false)));
    }

    @Test
    void unreachableKnownProviderIsEncryptedNotProbedOtherwiseUnknown() {
        assertEquals(new Verdict.Encrypted(false), judge.judge(new RouteFacts(false, List.of(silent("mx1.a.jp")), Optional.empty(), true, true)));
        assertEquals(new Verdict.Unknown(Verdict.UnknownCause.PORT25_BLOCKED, ""),
                judge.judge(new RouteFacts(false, List.of(silent("mx1.a.jp")), Optional.empty(), true, false)));
    }
}
