package dev.hikyaku.gateway.plan;

import dev.hikyaku.gateway.events.GatewayEvent;
import dev.hikyaku.gateway.events.GatewayListener;
import dev.hikyaku.gateway.guard.FiredRule;
import dev.hikyaku.gateway.guard.GuardEvaluator;
import dev.hikyaku.gateway.guard.GuardInput;
import dev.hikyaku.gateway.guard.GuardReport;
import dev.hikyaku.gateway.guard.GuardSettings;
import dev.hikyaku.gateway.guard.Reach;
import dev.hikyaku.gateway.guard.Reason;
import dev.hikyaku.gateway.guard.confirm.ConfirmItem;
import dev.hikyaku.gateway.guard.confirm.Confirmation;
import dev.hikyaku.gateway.mime.MessageAnalyser;
import dev.hikyaku.gateway.mime.MessageSummary;
import dev.hikyaku.gateway.queue.QueueEntry;
import dev.hikyaku.gateway.queue.QueueStore;
import dev.hikyaku.gateway.queue.QueuedMessage;
import dev.hikyaku.gateway.queue.RecipientState;
import dev.hikyaku.gateway.queue.RecipientStatus;
import dev.hikyaku.gateway.release.ReleaseDecider;
import dev.hikyaku.gateway.spool.Spool;
import dev.hikyaku.gateway.text.GatewayText;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Between "accepted" and "released": reads the message, runs the guards, builds the send plan from the
 * verdicts, stores it and moves each recipient on; later applies the sender's decisions and confirmations.
 */
public final class MessagePlanning implements ReleaseDecider {
    private final QueueStore queue;
    private final Spool spool;
    private final MessageAnalyser analyser;
    private final GuardSettings guards;
    private final Planner planner;
    private final SmimeReview smime;
    private final BiConsumer<QueuedMessage, List<Reason>> refusalNotice;
    private final GatewayListener events;
    private final Clock clock;

    /**
     * A planning stage over {@code queue}; {@code refusalNotice} sends a refused message's sender the rules that
     * hit.
     */
    public MessagePlanning(QueueStore queue, Spool spool, MessageAnalyser analyser, GuardSettings guards,
                           Planner planner, BiConsumer<QueuedMessage, List<Reason>> refusalNotice,
                           GatewayListener events, Clock clock) {
        this(queue, spool, analyser, guards, planner, SmimeReview.NONE, refusalNotice, events, clock);
    }

    /** As above, with {@code smime} deciding each message's signature and readable forward. */
    public MessagePlanning(QueueStore queue, Spool spool, MessageAnalyser analyser, GuardSettings guards,
                           Planner planner, SmimeReview smime, BiConsumer<QueuedMessage, List<Reason>> refusalNotice,
                           GatewayListener events, Clock clock) {
        this.queue = queue;
        this.spool = spool;
        this.analyser = analyser;
        this.guards = guards;
        this.planner = planner;
        this.smime = smime;
        this.refusalNotice = refusalNotice;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public CompletableFuture<Void> decide(String messageId) {
        Optional<QueueEntry> entry = queue.find(messageId);
        if (entry.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        QueuedMessage message = entry.get().message();
        List<String> recipients = entry.get().recipients().stream()
                .filter(recipient -> recipient.state() == RecipientState.ACCEPTED).map(RecipientStatus::address).toList();
        if (message.notice()) {
            // Hikyaku's own notices go back to the sender at once, unguarded and unpackaged.
            Map<String, Instant> now = new LinkedHashMap<>();
            recipients.forEach(recipient -> now.put(recipient, message.receivedAt()));
            queue.applyPlan(messageId, MessagePlanJson.write(new MessagePlan(new SendPlan(messageId, clock.instant(),
                    List.of()), List.of(), Optional.empty(), List.of(), List.of(), now)), now, List.of(), Map.of(), Map.of());
            return CompletableFuture.completedFuture(null);
        }
        GuardReport report = GuardEvaluator.evaluate(guards, new GuardInput(summary(message), message.sender(),
                recipients), message.receivedAt());
        List<RuleHit> hits = report.fired().stream().map(fired -> new RuleHit(fired.rule(), fired.reason())).toList();
        if (report.refused()) {
            refuse(message, recipients, report, hits);
            return CompletableFuture.completedFuture(null);
        }
        // A readable forward's groups are raised before anyone sees the plan: the content was end-to-end encrypted.
        return planner.plan(messageId, recipients).thenCombine(smime.review(message), (sendPlan, handling) ->
                new MessagePlan(handling.forward() == SmimeHandling.Forward.READABLE ? ReadableGroups.raise(sendPlan)
                        : sendPlan, hits, report.forceBcc(),
                        report.confirmation().map(required -> required.items()).orElse(List.of()), List.of(),
                        report.schedule().dueAt(), handling))
                .thenAccept(plan -> apply(message, plan));
    }

    private MessageSummary summary(QueuedMessage message) {
        try {
            return analyser.analyse(spool.path(message.id()));
        } catch (IOException e) {
            // An unreadable body still gets its envelope rules; the analyser already treats what it reads as hostile.
            events.on(new GatewayEvent.Problem("analysis", e.getMessage()));
            return analyser.analyse(new byte[0]);
        }
    }

    private void refuse(QueuedMessage message, List<String> recipients, GuardReport report, List<RuleHit> hits) {
        String detail = "refused by " + String.join(", ", report.ruleIds());
        Map<String, String> stopped = new LinkedHashMap<>();
        recipients.forEach(recipient -> stopped.put(recipient, detail));
        MessagePlan plan = new MessagePlan(new SendPlan(message.id(), clock.instant(), List.of()), hits,
                Optional.empty(), List.of(), List.of(), Map.of());
        if (queue.applyPlan(message.id(), MessagePlanJson.write(plan), Map.of(), List.of(), Map.of(), stopped) > 0) {
            events.on(new GatewayEvent.Refused(message.id(), report.ruleIds()));
            refusalNotice.accept(message, report.refusals().stream().map(FiredRule::reason).toList());
        }
    }

    /** Why the policy stops a group, in both languages: the detail is shown as stored, whatever the reader's. */
    private static String policyRefusal(RecipientGroup group) {
        String level = "plan.level." + group.level().name().toLowerCase(Locale.ROOT);
        return Stream.of(Locale.JAPANESE, Locale.ENGLISH)
                .map(locale -> GatewayText.format(locale, "plan.refusedByPolicy", group.domain(),
                        GatewayText.format(locale, level)))
                .collect(Collectors.joining(" / "));
    }

    private synchronized void apply(QueuedMessage message, MessagePlan plan) {
        Set<String> external = external(plan);
        List<String> awaiting = plan.awaiting(external);
        List<String> refused = plan.refused();
        Map<String, Instant> held = new LinkedHashMap<>();
        Map<String, String> failed = new LinkedHashMap<>();
        for (RecipientGroup group : plan.sendPlan().groups()) {
            for (String recipient : group.recipients()) {
                if (refused.contains(recipient)) {
                    failed.put(recipient, policyRefusal(group));
                } else if (!awaiting.contains(recipient)) {
                    held.put(recipient, plan.dueAt().getOrDefault(recipient, message.receivedAt()));
                }
            }
        }
        if (queue.applyPlan(message.id(), MessagePlanJson.write(plan), held, awaiting, failed, Map.of()) == 0) {
            return;
        }
        events.on(new GatewayEvent.Planned(message.id(), groupLines(plan), plan.hits().stream()
                .map(hit -> hit.rule().id()).distinct().toList()));
        held.values().stream().max(Instant::compareTo).filter(until -> until.isAfter(message.receivedAt()))
                .ifPresent(until -> events.on(new GatewayEvent.Held(message.id(), until)));
        if (plan.smime().awaitsSender()) {
            String reason = plan.smime().notes().stream()
                    .map(note -> note.render(Locale.JAPANESE) + " / " + note.render(Locale.ENGLISH))
                    .collect(Collectors.joining("; "));
            events.on(new GatewayEvent.SignatureUnavailable(message.id(), plan.smime().signAs(), reason));
        }
        if (!awaiting.isEmpty()) {
            events.on(new GatewayEvent.AwaitingSender(message.id(), awaiting));
        }
        failed.forEach((recipient, reason) -> events.on(new GatewayEvent.Failed(message.id(), List.of(recipient),
                reason)));
    }

    /** The stored plan of a queued message. */
    public Optional<MessagePlan> plan(String messageId) {
        return queue.plan(messageId).map(MessagePlanJson::read);
    }

    /**
     * The sender changes group {@code index} of message {@code messageId} to {@code action}; refused with
     * {@link PlanChangeRefusedException} when policy does not allow it. Recipients that no longer wait are due at
     * their time (at once when it passed), a group the sender refuses is cancelled.
     */
    public synchronized MessagePlan choose(String messageId, int index, GroupAction action) {
        MessagePlan changed = current(messageId).withAction(index, action);
        store(messageId, changed);
        return changed;
    }

    /**
     * The sender's "send unsigned" for a message that should be signed but cannot be (or could not be when it was
     * due): the plan says so, and its recipients go on. Returns whether anything changed.
     */
    public synchronized boolean declineSignature(String messageId) {
        Optional<MessagePlan> current = plan(messageId);
        SmimeHandling.Signing signing = current.map(found -> found.smime().signing()).orElse(SmimeHandling.Signing.NONE);
        if (signing != SmimeHandling.Signing.UNAVAILABLE && signing != SmimeHandling.Signing.SIGN) {
            return false;
        }
        store(messageId, current.get().withSmime(current.get().smime().declined()));
        return true;
    }

    /** The sender ticks {@code item} of message {@code messageId}; once all are ticked, external mail may go. */
    public synchronized MessagePlan confirm(String messageId, ConfirmItem item, String confirmedBy) {
        MessagePlan current = current(messageId);
        if (!current.toConfirm().contains(item)) {
            throw new IllegalArgumentException("nothing to confirm by that name");
        }
        MessagePlan changed = current.with(new Confirmation(item, confirmedBy, clock.instant()));
        store(messageId, changed);
        return changed;
    }

    private MessagePlan current(String messageId) {
        return plan(messageId).orElseThrow(() -> new IllegalArgumentException("no plan for " + messageId));
    }

    private void store(String messageId, MessagePlan plan) {
        Instant now = clock.instant();
        List<String> awaiting = plan.awaiting(external(plan));
        List<String> refused = plan.refused();
        Map<String, Instant> held = new LinkedHashMap<>();
        for (RecipientGroup group : plan.sendPlan().groups()) {
            for (String recipient : group.recipients()) {
                if (!awaiting.contains(recipient) && !refused.contains(recipient)) {
                    Instant due = plan.dueAt().getOrDefault(recipient, now);
                    held.put(recipient, due.isAfter(now) ? due : now);
                }
            }
        }
        queue.replan(messageId, MessagePlanJson.write(plan), held, refused);
    }

    private Set<String> external(MessagePlan plan) {
        return plan.sendPlan().groups().stream().flatMap(group -> group.recipients().stream())
                .filter(recipient -> guards.domains().reach(recipient) != Reach.INTERNAL).collect(Collectors.toSet());
    }

    private static List<String> groupLines(MessagePlan plan) {
        return plan.sendPlan().groups().stream().map(group -> group.domain() + " " + group.level().name() + " "
                + ActionName.of(group.action()) + " x" + group.recipients().size()).toList();
    }
}
