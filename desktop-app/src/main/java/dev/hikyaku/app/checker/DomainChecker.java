package dev.hikyaku.app.checker;

import dev.hikyaku.advisor.evidence.DomainReport;
import dev.hikyaku.advisor.route.RecipientDomain;
import java.util.concurrent.CompletableFuture;

/** Where the checker gets verdicts: the gateway's engine in the app, an engine on a loopback world in tests. */
public interface DomainChecker extends AutoCloseable {
    /**
     * The report for {@code domain}: a saved one while fresh, unless {@code fresh} asks for a new probe. May block
     * briefly (opening the verdict cache), so call it off the UI thread.
     */
    CompletableFuture<DomainReport> check(RecipientDomain domain, boolean fresh);

    /** Stops the probes and closes the verdict cache. */
    @Override
    void close();
}
