package dev.hikyaku.gateway.history;

import dev.hikyaku.gateway.archive.Archive;
import dev.hikyaku.gateway.events.GatewayEvent;
import dev.hikyaku.gateway.events.GatewayListener;
import dev.hikyaku.gateway.queue.QueueEntry;
import dev.hikyaku.gateway.queue.QueueStore;
import dev.hikyaku.gateway.queue.QueuedMessage;
import dev.hikyaku.gateway.spool.Spool;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

/**
 * Writes what happens to each message into the archive, on one thread of its own so that a send never waits
 * for indexing, and retires finished messages afterwards: a message leaves the queue and the spool only once
 * the archive holds it, so nothing is lost between the two.
 */
public final class ArchiveFeed implements GatewayListener {
    private final Archive archive;
    private final QueueStore queue;
    private final Spool spool;
    private final ExecutorService executor;
    private final Clock clock;
    private final GatewayListener problems;

    /**
     * A feed into {@code archive}, working on {@code executor} (one thread keeps the events in order);
     * what cannot be archived is told to {@code problems}.
     */
    public ArchiveFeed(Archive archive, QueueStore queue, Spool spool, ExecutorService executor, Clock clock,
                       GatewayListener problems) {
        this.archive = archive;
        this.queue = queue;
        this.spool = spool;
        this.executor = executor;
        this.clock = clock;
        this.problems = problems;
    }

    /** After a start: records every queued message again (harmless when known) and retires the finished ones. */
    public void catchUp(List<QueueEntry> entries) {
        for (QueueEntry entry : entries) {
            later(() -> {
                submission(entry.message());
                if (entry.finished()) {
                    retire(entry.message().id());
                }
            });
        }
    }

    @Override
    public void on(GatewayEvent event) {
        Instant now = clock.instant();
        if (event instanceof GatewayEvent.Accepted accepted) {
            later(() -> {
                Optional<QueueEntry> entry = queue.find(accepted.messageId());
                if (entry.isPresent()) {
                    submission(entry.get().message());
                }
            });
        } else if (event instanceof GatewayEvent.Planned planned) {
            later(() -> plan(planned.messageId()));
        } else if (event instanceof GatewayEvent.Refused refused) {
            later(() -> {
                plan(refused.messageId());
                archive.markCancelled(refused.messageId(), now);
            });
        } else if (event instanceof GatewayEvent.Packaged packaged) {
            later(() -> archive.recordVariant(packaged.messageId(), packaged.label() + " " + packaged.action(),
                    packaged.recipients(), packaged.file()));
        } else if (event instanceof GatewayEvent.VerdictKnown verdict) {
            later(() -> archive.recordVerdict(verdict.messageId(), verdict.domain(), verdict.level(), verdict.reason()));
        } else if (event instanceof GatewayEvent.Delivered delivered) {
            later(() -> deliveries(delivered.messageId(), delivered.recipients(), "sent",
                    delivered.requireTls() ? "REQUIRETLS" : "", now));
        } else if (event instanceof GatewayEvent.Deferred deferred) {
            later(() -> deliveries(deferred.messageId(), deferred.recipients(), "deferred", deferred.reason(), now));
        } else if (event instanceof GatewayEvent.Failed failed) {
            later(() -> deliveries(failed.messageId(), failed.recipients(), "failed", failed.reason(), now));
        } else if (event instanceof GatewayEvent.Cancelled cancelled) {
            later(() -> archive.markCancelled(cancelled.messageId(), now));
        } else if (event instanceof GatewayEvent.Finished finished) {
            later(() -> retire(finished.messageId()));
        }
    }

    private void deliveries(String id, List<String> recipients, String status, String detail, Instant at)
            throws IOException {
        for (String recipient : recipients) {
            archive.recordDelivery(id, recipient, status, detail, at);
        }
    }

    private void plan(String id) throws IOException {
        Optional<String> plan = queue.plan(id);
        if (plan.isPresent()) {
            archive.recordPlan(id, plan.get());
        }
    }

    private void submission(QueuedMessage message) throws IOException {
        archive.recordSubmission(message.id(), spool.path(message.id()), message.sender(), message.recipients(),
                message.receivedAt());
    }

    private void retire(String id) throws IOException {
        if (archive.find(id).isEmpty()) {
            // Not archived (its record failed): it stays in the queue, and the next start tries again.
            return;
        }
        queue.forget(id);
        spool.delete(id);
    }

    private void later(ArchiveWork work) {
        try {
            executor.execute(() -> {
                try {
                    work.run();
                } catch (IOException | RuntimeException e) {
                    // One bad record must not stop the archive for the messages after it; the queue is unharmed.
                    problems.on(new GatewayEvent.Problem("archive", e.toString()));
                }
            });
        } catch (RejectedExecutionException e) {
            // Shutting down: the next start catches up from the queue.
        }
    }

    /** One piece of archive work. */
    @FunctionalInterface
    private interface ArchiveWork {
        void run() throws IOException;
    }
}
