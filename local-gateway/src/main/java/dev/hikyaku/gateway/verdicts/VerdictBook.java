package dev.hikyaku.gateway.verdicts;

import dev.hikyaku.advisor.evidence.DomainReport;
import dev.hikyaku.advisor.route.RecipientDomain;
import dev.hikyaku.advisor.route.RouteAdvisor;
import dev.hikyaku.advisor.verdict.Level;
import dev.hikyaku.advisor.verdict.ReasonText;
import dev.hikyaku.gateway.events.GatewayEvent;
import dev.hikyaku.gateway.events.GatewayListener;
import dev.hikyaku.gateway.release.RouteCheck;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The recipient domains' verdicts, asked for as soon as a message is accepted so that they are usually ready
 * (from the advisor's cache or a fresh probe) by the time the message is released.
 */
public final class VerdictBook implements RouteCheck {
    private final RouteAdvisor advisor;
    // One check per domain at a time: a burst of mail to one domain must not start a probe per message.
    private final Map<String, CompletableFuture<DomainReport>> inFlight = new ConcurrentHashMap<>();

    /** Verdicts from {@code advisor} (which caches them itself). */
    public VerdictBook(RouteAdvisor advisor) {
        this.advisor = advisor;
    }

    /** Starts looking up every recipient's domain of message {@code messageId}; each verdict is announced as it arrives. */
    public void prefetch(String messageId, Collection<String> addresses, GatewayListener events) {
        Set<String> domains = new LinkedHashSet<>();
        for (String address : addresses) {
            lookup(address).filter(check -> domains.add(RecipientDomain.parse(address).ascii()))
                    .ifPresent(check -> check.thenAccept(report -> events.on(new GatewayEvent.VerdictKnown(messageId,
                            report.domain(), report.verdict().level().name(), ReasonText.of(report.verdict(), Locale.ENGLISH)))));
        }
    }

    /**
     * The report for {@code address}'s domain when it arrives; empty for an address without a domain or a
     * look-up that failed (the advisor's own time limits bound the wait).
     */
    public CompletableFuture<Optional<DomainReport>> reportLater(String address) {
        return lookup(address).map(check -> check.handle((report, failure) -> Optional.ofNullable(report)))
                .orElseGet(() -> CompletableFuture.completedFuture(Optional.empty()));
    }

    /** The report for {@code address}'s domain if it arrives within {@code wait}. */
    public Optional<DomainReport> report(String address, Duration wait) {
        Optional<CompletableFuture<DomainReport>> pending = lookup(address);
        if (pending.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(pending.get().get(wait.toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException | TimeoutException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean authenticated(String address, Duration wait) {
        return report(address, wait).map(report -> report.verdict().level() == Level.AUTHENTICATED).orElse(false);
    }

    private Optional<CompletableFuture<DomainReport>> lookup(String address) {
        RecipientDomain domain;
        try {
            domain = RecipientDomain.parse(address);
        } catch (IllegalArgumentException e) {
            // An address whose domain is not a domain has no route to judge; the upstream will refuse it.
            return Optional.empty();
        }
        CompletableFuture<DomainReport> check = inFlight.computeIfAbsent(domain.ascii(), key -> advisor.check(domain, false));
        check.whenComplete((report, failure) -> inFlight.remove(domain.ascii(), check));
        return Optional.of(check);
    }
}
