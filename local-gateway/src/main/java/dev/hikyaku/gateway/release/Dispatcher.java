package dev.hikyaku.gateway.release;

import dev.hikyaku.gateway.auth.CredentialVault;
import dev.hikyaku.gateway.auth.Credentials;
import dev.hikyaku.gateway.delivery.DeliveryReport;
import dev.hikyaku.gateway.delivery.DeliveryRequest;
import dev.hikyaku.gateway.delivery.RecipientOutcome;
import dev.hikyaku.gateway.events.GatewayEvent;
import dev.hikyaku.gateway.events.GatewayListener;
import dev.hikyaku.gateway.queue.QueueEntry;
import dev.hikyaku.gateway.queue.QueueStore;
import dev.hikyaku.gateway.queue.QueuedMessage;
import dev.hikyaku.gateway.queue.RecipientState;
import dev.hikyaku.gateway.queue.RecipientStatus;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Lets queued mail go when it is due: decides holds, claims due recipients, hands them to the {@link Outbound}
 * and records each outcome, so that every accepted recipient ends SENT, FAILED or CANCELLED exactly once.
 */
public final class Dispatcher implements AutoCloseable {
    private final QueueStore queue;
    private final Outbound outbound;
    private final CredentialVault vault;
    private final RouteCheck routes;
    private final ReleaseDecider decider;
    private final CopyMaker copies;
    private final ReleaseGate gate;
    private final ReleaseSettings settings;
    private final GatewayListener events;
    private final Consumer<QueuedMessage> onFailure;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService workers;
    private final Semaphore capacity;
    private final Set<String> announcedWaits = ConcurrentHashMap.newKeySet();
    private final Set<String> announcedOverdue = ConcurrentHashMap.newKeySet();
    // A cancel and a delivery may both see the last recipient settle; the notice and clean-up happen once.
    private final Set<String> finished = ConcurrentHashMap.newKeySet();
    private final Set<String> deciding = ConcurrentHashMap.newKeySet();
    private ScheduledFuture<?> nextPass;
    private volatile boolean closed;

    /**
     * A dispatcher over {@code queue}; {@code decider} settles newly accepted messages (their plan), {@code copies}
     * makes what each release hands over, {@code onFailure}
     * is called once a message is finished with at least one FAILED recipient (the failure notice), and
     * {@code events} hears everything else.
     */
    public Dispatcher(QueueStore queue, Outbound outbound, CredentialVault vault, RouteCheck routes,
                      ReleaseDecider decider, CopyMaker copies, ReleaseSettings settings, GatewayListener events,
                      Consumer<QueuedMessage> onFailure, Clock clock, ScheduledExecutorService scheduler,
                      ExecutorService workers) {
        this(queue, outbound, vault, routes, decider, copies, ReleaseGate.OPEN, settings, events, onFailure, clock,
                scheduler, workers);
    }

    /** As above, with {@code gate} keeping back due messages that cannot go yet (a locked signing key). */
    public Dispatcher(QueueStore queue, Outbound outbound, CredentialVault vault, RouteCheck routes,
                      ReleaseDecider decider, CopyMaker copies, ReleaseGate gate, ReleaseSettings settings,
                      GatewayListener events, Consumer<QueuedMessage> onFailure, Clock clock,
                      ScheduledExecutorService scheduler, ExecutorService workers) {
        this.queue = queue;
        this.gate = gate;
        this.outbound = outbound;
        this.vault = vault;
        this.routes = routes;
        this.decider = decider;
        this.copies = copies;
        this.settings = settings;
        this.events = events;
        this.onFailure = onFailure;
        this.clock = clock;
        this.scheduler = scheduler;
        this.workers = workers;
        this.capacity = new Semaphore(settings.parallel());
        vault.onArrival(user -> {
            announcedWaits.remove(user);
            wake();
        });
    }

    /** Resumes after a start: recipients caught mid-delivery by a crash go back to HELD, then a pass runs. */
    public int resume() {
        int back = queue.recover(clock.instant());
        wake();
        return back;
    }

    /** Asks for a pass as soon as possible (a message arrived, credentials arrived, the user decided). */
    public void wake() {
        if (closed) {
            return;
        }
        scheduler.execute(this::pass);
    }

    /** The user's "send now": idempotent, a second click finds nothing left to move. */
    public boolean sendNow(String messageId) {
        boolean moved = queue.sendNow(messageId, clock.instant()) > 0;
        announcedOverdue.remove(messageId);
        wake();
        return moved;
    }

    /** The user's "cancel" for whatever has not left yet; returns how many recipients were cancelled. */
    public int cancel(String messageId) {
        int cancelled = queue.cancel(messageId);
        if (cancelled > 0) {
            events.on(new GatewayEvent.Cancelled(messageId, cancelled));
            queue.find(messageId).filter(QueueEntry::finished).ifPresent(this::finish);
        }
        return cancelled;
    }

    private synchronized void pass() {
        if (closed) {
            return;
        }
        Instant now = clock.instant();
        decide();
        flagOverdue(now);
        while (capacity.tryAcquire()) {
            List<QueueEntry> claimed = queue.claimDue(now, this::releasable, 1);
            if (claimed.isEmpty()) {
                capacity.release();
                break;
            }
            QueueEntry entry = claimed.get(0);
            workers.execute(() -> {
                try {
                    release(entry);
                } finally {
                    capacity.release();
                    wake();
                }
            });
        }
        scheduleNext(now);
    }

    private void decide() {
        for (String id : queue.undecided()) {
            if (!deciding.add(id)) {
                continue;
            }
            CompletableFuture<Void> decided;
            try {
                decided = decider.decide(id);
            } catch (RuntimeException e) {
                decided = CompletableFuture.failedFuture(e);
            }
            decided.whenComplete((done, failure) -> {
                if (failure != null) {
                    events.on(new GatewayEvent.Problem("plan", String.valueOf(failure.getMessage())));
                }
                queue.find(id).filter(QueueEntry::finished).ifPresent(this::finish);
                deciding.remove(id);
                if (failure == null) {
                    wake();
                }
            });
        }
    }

    /** The sender changed something (a decision, a confirmation): a message may be settled or due now. */
    public void replanned(String messageId) {
        queue.find(messageId).filter(QueueEntry::finished).ifPresent(this::finish);
        wake();
    }

    private void flagOverdue(Instant now) {
        if (settings.overdue() != OverduePolicy.ASK || queue.markOverdue(now, settings.overdueAfter()) == 0) {
            return;
        }
        for (QueueEntry entry : queue.entries()) {
            entry.recipients().stream().filter(recipient -> recipient.state() == RecipientState.OVERDUE).findFirst()
                    .filter(recipient -> announcedOverdue.add(entry.message().id()))
                    .ifPresent(recipient -> events.on(new GatewayEvent.Overdue(entry.message().id(), recipient.dueAt())));
        }
    }

    private boolean releasable(QueuedMessage message) {
        if (!gate.mayRelease(message)) {
            return false;
        }
        Optional<String> owner = message.owner();
        if (owner.isEmpty() || vault.find(owner.get()).isPresent()) {
            return true;
        }
        if (announcedWaits.add(owner.get())) {
            events.on(new GatewayEvent.WaitingForCredentials(owner.get()));
        }
        return false;
    }

    private void scheduleNext(Instant now) {
        if (nextPass != null) {
            nextPass.cancel(false);
        }
        Optional<Instant> due = queue.nextDue();
        if (due.isEmpty()) {
            return;
        }
        long delay = Math.min(Math.max(0, Duration.between(now, due.get()).toMillis()), settings.recheck().toMillis());
        // Due mail that waits for a password is looked at again now and then; AUTH wakes it at once anyway.
        nextPass = scheduler.schedule(this::pass, Math.max(delay, 50), TimeUnit.MILLISECONDS);
    }

    private void release(QueueEntry entry) {
        QueuedMessage message = entry.message();
        Optional<Credentials> credentials = message.owner().flatMap(vault::find);
        List<String> claimed = entry.recipients().stream().map(RecipientStatus::address).toList();
        CopyMaker.Copies prepared;
        try {
            prepared = copies.prepare(message, claimed);
        } catch (RuntimeException e) {
            // A bug must not lose mail: the recipients wait and are tried again like after a network error.
            events.on(new GatewayEvent.Problem("copies", e.toString()));
            Instant now = clock.instant();
            claimed.forEach(address -> defer(message, address, "internal error: " + e.getClass().getSimpleName(), false,
                    now));
            return;
        }
        prepared.failed().forEach((address, reason) -> fail(message, address, reason));
        Instant now = clock.instant();
        prepared.waiting().forEach((address, reason) -> queue.markWaiting(message.id(), address, reason, now));
        List<String> awaiting = prepared.awaiting().keySet().stream()
                .filter(address -> queue.markAwaiting(message.id(), address, prepared.awaiting().get(address))).toList();
        if (!awaiting.isEmpty()) {
            events.on(new GatewayEvent.AwaitingSender(message.id(), awaiting));
        }
        for (CopyMaker.Copy copy : prepared.copies()) {
            deliver(message, copy.file(), copy.recipients(), requireTls(copy), credentials);
        }
        queue.find(message.id()).filter(QueueEntry::finished).ifPresent(this::finish);
    }

    /** REQUIRETLS where the route is authenticated: by the plan's verdict, or asked now for unplanned mail. */
    private boolean requireTls(CopyMaker.Copy copy) {
        if (!settings.requireTls()) {
            return false;
        }
        return copy.authenticatedRoute() || copy.recipients().stream()
                .allMatch(address -> routes.authenticated(address, settings.verdictWait()));
    }

    private void deliver(QueuedMessage message, Path file, List<String> group, boolean requireTls,
                         Optional<Credentials> credentials) {
        DeliveryReport report;
        try {
            report = outbound.deliver(new DeliveryRequest(file, message.sender(), group, requireTls,
                    message.smtpUtf8(), message.eightBitMime(), credentials));
        } catch (RuntimeException e) {
            // A bug must not lose mail: the recipients wait and are tried again like after a network error.
            events.on(new GatewayEvent.Problem("delivery", e.toString()));
            Instant now = clock.instant();
            group.forEach(address -> defer(message, address, "internal error: " + e.getClass().getSimpleName(), false,
                    now));
            return;
        }
        record(message, report);
    }

    private void record(QueuedMessage message, DeliveryReport report) {
        Instant now = clock.instant();
        List<String> sent = new ArrayList<>();
        for (Map.Entry<String, RecipientOutcome> outcome : report.outcomes().entrySet()) {
            String address = outcome.getKey();
            RecipientOutcome result = outcome.getValue();
            if (result instanceof RecipientOutcome.Accepted accepted) {
                if (queue.markSent(message.id(), address, accepted.reply())) {
                    sent.add(address);
                }
            } else if (result instanceof RecipientOutcome.Rejected rejected) {
                fail(message, address, (rejected.code() + " " + rejected.enhanced() + " " + rejected.text())
                        .replace("  ", " "));
            } else if (result instanceof RecipientOutcome.Deferred deferred) {
                defer(message, address, deferred.reason().english(), deferred.needsCredentials(), now);
            }
        }
        if (!sent.isEmpty()) {
            events.on(new GatewayEvent.Delivered(message.id(), sent, report.requireTlsUsed()));
        }
    }

    private void defer(QueuedMessage message, String address, String reason, boolean needsCredentials, Instant now) {
        if (needsCredentials && message.owner().isPresent()) {
            // Refused or missing credentials: wait for a new password instead of spending retries.
            vault.forget(message.owner().get());
            queue.markWaiting(message.id(), address, reason, now);
            return;
        }
        int attempts = queue.find(message.id()).flatMap(entry -> entry.recipients().stream()
                .filter(recipient -> recipient.address().equals(address)).findFirst())
                .map(RecipientStatus::attempts).orElse(1);
        Optional<Instant> retryAt = settings.retries().next(message.receivedAt(), attempts, now);
        if (retryAt.isPresent()) {
            queue.markDeferred(message.id(), address, reason, retryAt.get());
            events.on(new GatewayEvent.Deferred(message.id(), List.of(address), reason, retryAt.get()));
        } else {
            fail(message, address, "gave up after " + settings.retries().giveUpAfter().toHours() + " hours: " + reason);
        }
    }

    private void fail(QueuedMessage message, String address, String reason) {
        if (queue.markFailed(message.id(), address, reason)) {
            events.on(new GatewayEvent.Failed(message.id(), List.of(address), reason));
        }
    }

    private void finish(QueueEntry entry) {
        if (!finished.add(entry.message().id())) {
            return;
        }
        boolean anyFailed = entry.recipients().stream().anyMatch(recipient -> recipient.state() == RecipientState.FAILED);
        if (anyFailed && !entry.message().notice()) {
            onFailure.accept(entry.message());
        }
        events.on(new GatewayEvent.Finished(entry.message().id()));
    }

    @Override
    public void close() {
        closed = true;
    }
}
