package dev.hikyaku.advisor.route;

import dev.hikyaku.advisor.certificate.ChainJudgement;
import dev.hikyaku.advisor.dane.DaneOutcome;
import dev.hikyaku.advisor.dnssec.DnsAnswer;
import dev.hikyaku.advisor.evidence.DaneEvidence;
import dev.hikyaku.advisor.evidence.DomainReport;
import dev.hikyaku.advisor.evidence.MtaStsEvidence;
import dev.hikyaku.advisor.evidence.MxEvidence;
import dev.hikyaku.advisor.evidence.MxEvidenceFactory;
import dev.hikyaku.advisor.mtasts.MtaStsFinding;
import dev.hikyaku.advisor.mtasts.MtaStsPolicy;
import dev.hikyaku.advisor.mtasts.MxPattern;
import dev.hikyaku.advisor.mx.MxHost;
import dev.hikyaku.advisor.mx.MxResolution;
import dev.hikyaku.advisor.mx.MxResolver;
import dev.hikyaku.advisor.probe.AddressProbe;
import dev.hikyaku.advisor.probe.HostProbe;
import dev.hikyaku.advisor.probe.ProbeOutcome;
import dev.hikyaku.advisor.verdict.MxFacts;
import dev.hikyaku.advisor.verdict.RouteFacts;
import dev.hikyaku.advisor.verdict.TlsaState;
import dev.hikyaku.advisor.verdict.Verdict;
import dev.hikyaku.advisor.verdict.VerdictJudge;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.xbill.DNS.Name;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * The TLS verdict for a recipient domain with all its evidence: MX resolution, STARTTLS probes, certificate
 * judgement, DANE and MTA-STS, judged into one level, served from the shared cache while fresh.
 */
public final class RouteAdvisor {
    private final RouteParts parts;
    private final MxResolver resolver;
    private final TlsaLookup tlsa;
    private final VerdictJudge judge = new VerdictJudge();

    /** An advisor made of {@code parts}. */
    public RouteAdvisor(RouteParts parts) {
        this.parts = parts;
        this.resolver = new MxResolver(parts.dns());
        this.tlsa = new TlsaLookup(parts.dns());
    }

    /**
     * The report for {@code domain}: the cached one while fresh unless {@code fresh}, else a new check.
     * Never fails: whatever goes wrong becomes part of the report.
     */
    public CompletableFuture<DomainReport> check(RecipientDomain domain, boolean fresh) {
        Instant now = parts.clock().instant();
        if (!fresh) {
            Optional<DomainReport> cached = parts.store().find(domain.ascii(), now);
            if (cached.isPresent()) {
                return CompletableFuture.completedFuture(cached.get());
            }
        }
        CompletableFuture<MtaStsFinding> mtaSts = CompletableFuture.supplyAsync(
                () -> parts.mtaSts().check(domain.ascii()), parts.lookups());
        CompletableFuture<String> tlsRpt = CompletableFuture.supplyAsync(() -> tlsRpt(domain.ascii()), parts.lookups());
        return CompletableFuture.supplyAsync(() -> resolver.resolve(domain.ascii()), parts.lookups())
                .thenCompose(resolution -> judge(domain.ascii(), resolution, mtaSts, tlsRpt, now))
                .thenApply(this::remember);
    }

    private CompletableFuture<DomainReport> judge(String domain, MxResolution resolution,
                                                  CompletableFuture<MtaStsFinding> mtaSts,
                                                  CompletableFuture<String> tlsRpt, Instant start) {
        if (!(resolution instanceof MxResolution.Hosts hosts)) {
            Verdict verdict = withoutHosts(resolution);
            boolean secure = secure(resolution);
            return mtaSts.thenCombine(tlsRpt, (finding, rpt) -> report(domain, verdict, List.of(), finding,
                    new DaneEvidence(secure, "not_published", ""), rpt, start));
        }
        List<CompletableFuture<MxCheck>> checks = hosts.hosts().stream().map(this::checkHost).toList();
        return CompletableFuture.allOf(checks.toArray(CompletableFuture[]::new))
                .thenCombine(mtaSts, (ignored, finding) -> finding)
                .thenCombine(tlsRpt, (finding, rpt) -> {
                    List<MxCheck> done = checks.stream().map(CompletableFuture::join).toList();
                    Optional<MtaStsPolicy> policy = finding instanceof MtaStsFinding.Valid valid
                            ? Optional.of(valid.policy()) : Optional.empty();
                    List<MxFacts> facts = done.stream().map(MxCheck::facts).toList();
                    RouteFacts route = new RouteFacts(hosts.secure(), facts, policy, parts.reachability().blocked(),
                            parts.providers().coversAll(facts.stream().map(MxFacts::host).toList()));
                    List<MxEvidence> evidence = done.stream()
                            .map(check -> MxEvidenceFactory.of(check.host().preference(), check.probe(), check.facts(), policy))
                            .toList();
                    return report(domain, judge.judge(route), evidence, finding, dane(hosts.secure(), facts), rpt, start);
                });
    }

    /** One MX host's probe and the facts judged from it. */
    private record MxCheck(MxHost host, HostProbe probe, MxFacts facts) {
    }

    private CompletableFuture<MxCheck> checkHost(MxHost host) {
        CompletableFuture<TlsaState> records = CompletableFuture.supplyAsync(() -> tlsa.lookup(host), parts.lookups());
        CompletableFuture<HostProbe> probe = host.addresses().isEmpty()
                ? CompletableFuture.completedFuture(new HostProbe(host.name(), List.of()))
                : parts.prober().probe(host.name(), host.addresses());
        return probe.thenCombine(records, (done, state) -> new MxCheck(host, done, facts(host, done, state)));
    }

    private MxFacts facts(MxHost host, HostProbe probe, TlsaState state) {
        ProbeOutcome outcome = probe.decisive().orElseGet(() -> new ProbeOutcome.NoAnswer(host.problem()));
        List<X509Certificate> chain = presented(outcome);
        Optional<ChainJudgement> judged = chain.isEmpty() ? Optional.empty()
                : Optional.of(parts.chains().judge(chain, host.name()));
        Optional<DaneOutcome> dane = state instanceof TlsaState.Secure secure && secure.usable() && !chain.isEmpty()
                ? Optional.of(parts.dane().verify(secure.records(), chain, host.name()))
                : Optional.empty();
        return new MxFacts(host.name(), outcome, judged, state, dane);
    }

    private static List<X509Certificate> presented(ProbeOutcome outcome) {
        if (outcome instanceof ProbeOutcome.Tls tls) {
            return tls.session().chain();
        }
        if (outcome instanceof ProbeOutcome.LegacyTlsOnly legacy) {
            return legacy.chain();
        }
        return List.of();
    }

    private static Verdict withoutHosts(MxResolution resolution) {
        if (resolution instanceof MxResolution.NullMx) {
            return new Verdict.NoMail(Verdict.NoMailCause.NULL_MX);
        }
        if (resolution instanceof MxResolution.NoSuchDomain) {
            return new Verdict.NoMail(Verdict.NoMailCause.NO_SUCH_DOMAIN);
        }
        if (resolution instanceof MxResolution.NoMailHost) {
            return new Verdict.NoMail(Verdict.NoMailCause.NO_MAIL_HOST);
        }
        if (resolution instanceof MxResolution.Bogus bogus) {
            return new Verdict.Unknown(Verdict.UnknownCause.DNS_FORGED, bogus.reason());
        }
        return new Verdict.Unknown(Verdict.UnknownCause.DNS_FAILED, ((MxResolution.Failed) resolution).reason());
    }

    private static boolean secure(MxResolution resolution) {
        if (resolution instanceof MxResolution.NullMx nullMx) {
            return nullMx.secure();
        }
        if (resolution instanceof MxResolution.NoSuchDomain noSuchDomain) {
            return noSuchDomain.secure();
        }
        return resolution instanceof MxResolution.NoMailHost noMailHost && noMailHost.secure();
    }

    private static DaneEvidence dane(boolean mxSecure, List<MxFacts> facts) {
        for (MxFacts mx : facts) {
            if (mx.tlsa() instanceof TlsaState.Bogus bogus) {
                return new DaneEvidence(mxSecure, "bogus", mx.host() + ": " + bogus.reason());
            }
        }
        for (MxFacts mx : facts) {
            if (mx.tlsa() instanceof TlsaState.Failed failed) {
                return new DaneEvidence(mxSecure, "lookup_failed", mx.host() + ": " + failed.reason());
            }
        }
        boolean published = facts.stream().anyMatch(mx -> mx.tlsa() instanceof TlsaState.Secure);
        String detail = published && !mxSecure ? "the MX records are not DNSSEC-signed, so DANE does not apply" : "";
        return new DaneEvidence(mxSecure, published ? "published" : "not_published", detail);
    }

    private DomainReport report(String domain, Verdict verdict, List<MxEvidence> mx, MtaStsFinding finding,
                                DaneEvidence dane, String tlsRpt, Instant start) {
        Instant end = parts.clock().instant();
        return new DomainReport(domain, verdict, mx, mtaSts(finding), dane, tlsRpt,
                Duration.between(start, end).toMillis(), end);
    }

    private static MtaStsEvidence mtaSts(MtaStsFinding finding) {
        if (finding instanceof MtaStsFinding.Valid valid) {
            MtaStsPolicy policy = valid.policy();
            return new MtaStsEvidence("policy", valid.id(), policy.mode().name().toLowerCase(Locale.ROOT),
                    policy.maxAge().toSeconds(), policy.mx().stream().map(MxPattern::pattern).toList(), "");
        }
        if (finding instanceof MtaStsFinding.Invalid invalid) {
            return new MtaStsEvidence("invalid", "", "", 0, List.of(), invalid.reason());
        }
        if (finding instanceof MtaStsFinding.FetchError error) {
            return new MtaStsEvidence("fetch_error", "", "", 0, List.of(), error.reason());
        }
        return new MtaStsEvidence("none", "", "", 0, List.of(), "");
    }

    /** The TLS-RPT record (RFC 8460): shown as evidence that the domain watches its TLS, never judged. */
    private String tlsRpt(String domain) {
        Name name;
        try {
            name = Name.fromString("_smtp._tls." + domain + ".");
        } catch (TextParseException e) {
            return "";
        }
        if (parts.dns().query(name, Type.TXT) instanceof DnsAnswer.Found found) {
            List<String> records = new ArrayList<>();
            found.records().forEach(r -> records.add(String.join("", ((TXTRecord) r).getStrings())));
            return records.stream().filter(text -> text.startsWith("v=TLSRPTv1")).findFirst().orElse("");
        }
        return "";
    }

    private DomainReport remember(DomainReport report) {
        Duration keep = report.verdict() instanceof Verdict.Unknown ? parts.unjudgedFor() : parts.judgedFor();
        parts.store().save(report, report.checkedAt().plus(keep));
        return report;
    }
}
