package dev.hikyaku.gateway.plan;

import dev.hikyaku.advisor.evidence.DomainReport;
import dev.hikyaku.advisor.route.RecipientDomain;
import dev.hikyaku.advisor.verdict.Level;
import dev.hikyaku.gateway.verdicts.VerdictBook;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * Builds a message's {@link SendPlan}: asks for every recipient domain's verdict at once (one look-up per domain,
 * cached ones answer at once), then groups the recipients and gives each group its default action.
 */
public final class Planner {
    private final VerdictBook verdicts;
    private final PackagingPolicy policy;
    private final Predicate<String> internalDomain;
    private final Predicate<String> hasCertificate;
    private final Clock clock;

    /**
     * A planner over {@code verdicts}; {@code internalDomain} tells the organisation's own domains,
     * {@code hasCertificate} whether an address has a known, valid S/MIME certificate.
     */
    public Planner(VerdictBook verdicts, PackagingPolicy policy, Predicate<String> internalDomain,
                   Predicate<String> hasCertificate, Clock clock) {
        this.verdicts = verdicts;
        this.policy = policy;
        this.internalDomain = internalDomain;
        this.hasCertificate = hasCertificate;
        this.clock = clock;
    }

    /** The plan for message {@code messageId} to {@code recipients}, ready once the slowest domain has answered. */
    public CompletableFuture<SendPlan> plan(String messageId, List<String> recipients) {
        Map<String, CompletableFuture<Optional<DomainReport>>> byDomain = new LinkedHashMap<>();
        for (String recipient : recipients) {
            byDomain.computeIfAbsent(domainOf(recipient), domain -> verdicts.reportLater(recipient));
        }
        return CompletableFuture.allOf(byDomain.values().toArray(CompletableFuture[]::new))
                .thenApply(all -> build(messageId, recipients, byDomain));
    }

    private SendPlan build(String messageId, List<String> recipients,
                           Map<String, CompletableFuture<Optional<DomainReport>>> byDomain) {
        Map<GroupKey, List<String>> grouped = new LinkedHashMap<>();
        Map<String, Optional<DomainReport>> reports = new LinkedHashMap<>();
        for (String recipient : recipients) {
            String domain = domainOf(recipient);
            Optional<DomainReport> report = reports.computeIfAbsent(domain, key -> byDomain.get(key).join());
            Level level = report.map(found -> found.verdict().level()).orElse(Level.UNKNOWN);
            boolean internal = internalDomain.test(domain);
            boolean smime = hasCertificate.test(recipient);
            GroupAction action = policy.defaultFor(recipient, domain, level, internal, smime);
            grouped.computeIfAbsent(new GroupKey(internal, domain, level, smime, action), key -> new ArrayList<>())
                    .add(recipient);
        }
        List<RecipientGroup> groups = new ArrayList<>();
        grouped.forEach((key, members) -> groups.add(new RecipientGroup(key.internal(), key.domain(), key.level(),
                reports.get(key.domain()), key.smimeReady(), members, key.action(),
                policy.choices(key.action(), key.smimeReady()))));
        groups.sort(Comparator.comparing((RecipientGroup group) -> !group.internal())
                .thenComparing(RecipientGroup::domain));
        return new SendPlan(messageId, clock.instant(), groups);
    }

    private static String domainOf(String address) {
        try {
            return RecipientDomain.parse(address).ascii();
        } catch (IllegalArgumentException e) {
            int at = address.lastIndexOf('@');
            return at < 0 ? "" : address.substring(at + 1).toLowerCase(Locale.ROOT);
        }
    }

    /** What makes recipients travel together. */
    private record GroupKey(boolean internal, String domain, Level level, boolean smimeReady, GroupAction action) {
    }
}
