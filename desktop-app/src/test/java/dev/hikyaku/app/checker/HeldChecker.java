package dev.hikyaku.app.checker;

import dev.hikyaku.advisor.evidence.DomainReport;
import dev.hikyaku.advisor.route.RecipientDomain;
import java.util.concurrent.CompletableFuture;

/** The real engine, but one domain's report is handed on only once the test releases it. */
final class HeldChecker implements DomainChecker {
    private final DomainChecker engine;
    private final String held;
    private final CompletableFuture<Void> release = new CompletableFuture<>();

    HeldChecker(DomainChecker engine, String held) {
        this.engine = engine;
        this.held = held;
    }

    void release() {
        release.complete(null);
    }

    @Override
    public CompletableFuture<DomainReport> check(RecipientDomain domain, boolean fresh) {
        CompletableFuture<DomainReport> report = engine.check(domain, fresh);
        return domain.ascii().equals(held) ? report.thenCombine(release, (done, released) -> done) : report;
    }

    @Override
    public void close() {
        release();
        engine.close();
    }
}
