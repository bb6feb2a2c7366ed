package dev.hikyaku.advisor.verdict;

import dev.hikyaku.advisor.certificate.ChainJudgement;
import dev.hikyaku.advisor.dane.DaneOutcome;
import dev.hikyaku.advisor.mtasts.MtaStsMode;
import dev.hikyaku.advisor.probe.ProbeOutcome;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns what was found into one level per domain: the weakest route an attacker or an outage could force,
 * counting every MX that answered and ignoring those that did not.
 */
public final class VerdictJudge {

    /** How one answering MX stands, before the domain-wide level is taken. */
    private enum Standing { CLEAR, PIN_FAILED, WEAK, ENCRYPTED, PINNED }

    /** Judges a domain that has MX hosts (null MX, NXDOMAIN and DNS failures are decided before this). */
    public Verdict judge(RouteFacts facts) {
        List<MxFacts> answered = facts.hosts().stream().filter(mx -> mx.outcome().judged()).toList();
        if (answered.isEmpty()) {
            return withoutProbe(facts);
        }
        List<String> clear = new ArrayList<>();
        List<String> weak = new ArrayList<>();
        boolean pinFailed = false;
        boolean allPinned = true;
        boolean anyDane = false;
        for (MxFacts mx : answered) {
            Standing standing = standing(mx, facts, clear, weak);
            pinFailed |= standing == Standing.PIN_FAILED;
            allPinned &= standing == Standing.PINNED;
            anyDane |= standing == Standing.PINNED && daneApplies(mx, facts);
        }
        if (!clear.isEmpty() || pinFailed) {
            return new Verdict.Plaintext(clear, pinFailed);
        }
        if (!weak.isEmpty()) {
            return new Verdict.EncryptedUnverified(weak);
        }
        if (allPinned) {
            return new Verdict.Authenticated(anyDane ? Verdict.Pin.DANE : Verdict.Pin.MTA_STS, true);
        }
        return new Verdict.Encrypted(true);
    }

    private static Standing standing(MxFacts mx, RouteFacts facts, List<String> clear, List<String> weak) {
        ProbeOutcome outcome = mx.outcome();
        if (outcome instanceof ProbeOutcome.NoStartTls) {
            clear.add(mx.host() + ": no STARTTLS");
            return Standing.CLEAR;
        }
        if (outcome instanceof ProbeOutcome.StartTlsFailed failed) {
            clear.add(mx.host() + ": STARTTLS fails (" + failed.why() + ")");
            return Standing.CLEAR;
        }
        // RFC 8461 section 2: where DANE applies it takes precedence over MTA-STS.
        if (daneApplies(mx, facts)) {
            if (mx.dane().orElse(null) instanceof DaneOutcome.Matched) {
                return Standing.PINNED;
            }
            String reason = mx.dane().orElse(null) instanceof DaneOutcome.Mismatch mismatch ? mismatch.reason() : "no chain to check";
            clear.add(mx.host() + ": DANE mismatch (" + reason + ")");
            return Standing.PIN_FAILED;
        }
        List<String> faults = faults(mx);
        boolean enforced = facts.policy().map(policy -> policy.mode() == MtaStsMode.ENFORCE).orElse(false);
        if (enforced) {
            if (!facts.policy().orElseThrow().covers(mx.host())) {
                clear.add(mx.host() + ": not listed in the MTA-STS enforce policy");
                return Standing.PIN_FAILED;
            }
            if (!faults.isEmpty()) {
                clear.add(mx.host() + ": fails the MTA-STS enforce policy (" + String.join(", ", faults) + ")");
                return Standing.PIN_FAILED;
            }
            return Standing.PINNED;
        }
        if (!faults.isEmpty()) {
            faults.forEach(fault -> weak.add(mx.host() + ": " + fault));
            return Standing.WEAK;
        }
        return Standing.ENCRYPTED;
    }

    private static boolean daneApplies(MxFacts mx, RouteFacts facts) {
        return facts.mxSecure() && mx.tlsa() instanceof TlsaState.Secure secure && secure.usable();
    }

    /** Why an MX's TLS is not "TLS 1.2+ with a trusted, matching, unexpired certificate". */
    private static List<String> faults(MxFacts mx) {
        List<String> faults = new ArrayList<>();
        if (mx.outcome() instanceof ProbeOutcome.LegacyTlsOnly legacy) {
            faults.add("TLS 1.1 or older only (" + legacy.protocol() + ")");
        } else if (mx.outcome() instanceof ProbeOutcome.Tls tls && isOldProtocol(tls.session().protocol())) {
            faults.add("old protocol " + tls.session().protocol());
        }
        if (mx.chain().isEmpty()) {
            if (!(mx.outcome() instanceof ProbeOutcome.LegacyTlsOnly)) {
                faults.add("no certificate seen");
            }
            return faults;
        }
        ChainJudgement chain = mx.chain().get();
        if (!chain.trusted()) {
            faults.add(chain.trustProblem().orElse("untrusted certificate"));
        }
        if (!chain.nameMatches()) {
            faults.add("certificate is for another name");
        }
        if (!chain.inDate()) {
            faults.add("certificate expired or not yet valid");
        }
        if (!chain.strongKey()) {
            faults.add("weak key (" + chain.keyDescription() + ")");
        }
        return faults;
    }

    private static boolean isOldProtocol(String protocol) {
        return !protocol.equals("TLSv1.2") && !protocol.equals("TLSv1.3");
    }

    /** No MX answered: only evidence that needs no probe can decide, and it never says "no TLS". */
    private static Verdict withoutProbe(RouteFacts facts) {
        boolean allDane = facts.mxSecure() && !facts.hosts().isEmpty() && facts.hosts().stream()
                .allMatch(mx -> mx.tlsa() instanceof TlsaState.Secure secure && secure.usable());
        if (allDane) {
            return new Verdict.Authenticated(Verdict.Pin.DANE, false);
        }
        boolean enforceCoversAll = facts.policy()
                .filter(policy -> policy.mode() == MtaStsMode.ENFORCE)
                .map(policy -> facts.hosts().stream().allMatch(mx -> policy.covers(mx.host())))
                .orElse(false);
        if (enforceCoversAll) {
            return new Verdict.Authenticated(Verdict.Pin.MTA_STS, false);
        }
        if (facts.knownProvider()) {
            return new Verdict.Encrypted(false);
        }
        return new Verdict.Unknown(facts.port25Blocked() ? Verdict.UnknownCause.PORT25_BLOCKED
                : Verdict.UnknownCause.NO_MX_ANSWERED, "");
    }
}
