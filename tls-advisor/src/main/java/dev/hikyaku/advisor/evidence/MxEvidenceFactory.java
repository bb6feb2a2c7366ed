package dev.hikyaku.advisor.evidence;

import dev.hikyaku.advisor.certificate.ChainJudgement;
import dev.hikyaku.advisor.dane.DaneOutcome;
import dev.hikyaku.advisor.mtasts.MtaStsPolicy;
import dev.hikyaku.advisor.probe.AddressProbe;
import dev.hikyaku.advisor.probe.HostProbe;
import dev.hikyaku.advisor.probe.ProbeOutcome;
import dev.hikyaku.advisor.verdict.MxFacts;
import dev.hikyaku.advisor.verdict.TlsaState;
import java.util.List;
import java.util.Optional;

/** Writes what was found about one MX as the evidence users and the cache see. */
public final class MxEvidenceFactory {

    private MxEvidenceFactory() {
    }

    /** The evidence for an MX of the given preference, from its probes and the facts judged from them. */
    public static MxEvidence of(int preference, HostProbe probe, MxFacts facts, Optional<MtaStsPolicy> policy) {
        List<AddressAttempt> attempts = probe.attempts().stream().map(MxEvidenceFactory::attempt).toList();
        ProbeOutcome outcome = facts.outcome();
        String banner = "";
        boolean starttls = false;
        String protocol = "";
        String cipher = "";
        boolean requireTls = false;
        String error = "";
        if (outcome instanceof ProbeOutcome.NoAnswer noAnswer) {
            error = noAnswer.why();
        } else if (outcome instanceof ProbeOutcome.Refused refused) {
            banner = refused.banner();
            error = refused.why();
        } else if (outcome instanceof ProbeOutcome.NoStartTls noStartTls) {
            banner = noStartTls.banner();
        } else if (outcome instanceof ProbeOutcome.StartTlsFailed failed) {
            banner = failed.banner();
            starttls = true;
            error = failed.why();
        } else if (outcome instanceof ProbeOutcome.LegacyTlsOnly legacy) {
            banner = legacy.banner();
            starttls = true;
            protocol = legacy.protocol();
        } else if (outcome instanceof ProbeOutcome.Tls tls) {
            banner = tls.banner();
            starttls = true;
            protocol = tls.session().protocol();
            cipher = tls.session().cipherSuite();
            requireTls = tls.ehloAfterTls().contains("REQUIRETLS");
        }
        return new MxEvidence(facts.host(), preference, attempts, outcome.judged(), banner, starttls, protocol, cipher,
                facts.chain().map(MxEvidenceFactory::certificate).orElse(null), requireTls, dane(facts),
                policy.map(p -> p.covers(facts.host())).orElse(null), error);
    }

    private static AddressAttempt attempt(AddressProbe probe) {
        ProbeOutcome outcome = probe.outcome();
        String kind;
        String detail = "";
        if (outcome instanceof ProbeOutcome.NoAnswer noAnswer) {
            kind = "no_answer";
            detail = noAnswer.why();
        } else if (outcome instanceof ProbeOutcome.Refused refused) {
            kind = "refused";
            detail = refused.why();
        } else if (outcome instanceof ProbeOutcome.NoStartTls) {
            kind = "no_starttls";
        } else if (outcome instanceof ProbeOutcome.StartTlsFailed failed) {
            kind = "starttls_failed";
            detail = failed.why();
        } else if (outcome instanceof ProbeOutcome.LegacyTlsOnly) {
            kind = "legacy_tls";
        } else {
            kind = "tls";
        }
        return new AddressAttempt(probe.address().getHostAddress(), kind, detail, probe.elapsed().toMillis());
    }

    private static CertificateEvidence certificate(ChainJudgement chain) {
        return new CertificateEvidence(chain.subject(), chain.issuer(), chain.notAfter(), chain.keyDescription(),
                chain.trusted(), chain.trustProblem().orElse(""), chain.nameMatches(), chain.inDate(), chain.strongKey());
    }

    private static String dane(MxFacts facts) {
        TlsaState tlsa = facts.tlsa();
        if (tlsa instanceof TlsaState.None) {
            return "no TLSA";
        }
        if (tlsa instanceof TlsaState.Bogus bogus) {
            return "TLSA bogus: " + bogus.reason();
        }
        if (tlsa instanceof TlsaState.Failed failed) {
            return "TLSA lookup failed: " + failed.reason();
        }
        if (!((TlsaState.Secure) tlsa).usable()) {
            return "TLSA present but unusable for SMTP";
        }
        Optional<DaneOutcome> outcome = facts.dane();
        if (outcome.isEmpty()) {
            return "TLSA present; not checked (no certificate seen)";
        }
        DaneOutcome dane = outcome.get();
        if (dane instanceof DaneOutcome.Matched matched) {
            return (matched.by().usage() == 3 ? "DANE-EE" : "DANE-TA") + " match (" + matched.by().usage() + " "
                    + matched.by().selector() + " " + matched.by().matchingType() + ")";
        }
        if (dane instanceof DaneOutcome.Mismatch mismatch) {
            return "mismatch: " + mismatch.reason();
        }
        return "TLSA present but unusable for SMTP";
    }
}
