package dev.hikyaku.app.tray;

import dev.hikyaku.app.gateway.GatewayState;
import dev.hikyaku.app.i18n.Localized;
import dev.hikyaku.gateway.events.GatewayEvent;
import dev.hikyaku.gateway.queue.QueueEntry;
import dev.hikyaku.gateway.queue.RecipientState;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the tray shows and when it speaks up: the status line, the count of held mail, and which gateway events
 * deserve a notification. Each held, waiting or overdue message is announced once, not at every re-plan; a
 * password request once per user until mail leaves again. Not thread-safe: call it from one thread (the UI's).
 */
public final class TrayDecisions {
    private static final Set<RecipientState> HELD = Set.of(RecipientState.HELD, RecipientState.AWAITING,
            RecipientState.OVERDUE);

    private final ZoneId zone;
    private final Set<String> announced = new HashSet<>();
    private final Set<String> askedFor = new HashSet<>();

    /** Decisions that show times in {@code zone}. */
    public TrayDecisions(ZoneId zone) {
        this.zone = zone;
    }

    /** How many queued messages wait: at least one recipient held, waiting for the sender, or overdue. */
    public static int heldCount(List<QueueEntry> queue) {
        return (int) queue.stream()
                .filter(entry -> entry.recipients().stream().anyMatch(recipient -> HELD.contains(recipient.state())))
                .count();
    }

    /** Whether {@code event} may change the held count, so the queue is worth reading again. */
    public static boolean changesCount(GatewayEvent event) {
        return event instanceof GatewayEvent.Held || event instanceof GatewayEvent.AwaitingSender
                || event instanceof GatewayEvent.Overdue || event instanceof GatewayEvent.Delivered
                || event instanceof GatewayEvent.Failed || event instanceof GatewayEvent.Finished
                || event instanceof GatewayEvent.Cancelled || event instanceof GatewayEvent.Resumed
                || event instanceof GatewayEvent.Refused || event instanceof GatewayEvent.Sandboxed;
    }

    /** The status line's text for {@code state}. */
    public static TrayText status(GatewayState state) {
        if (state instanceof GatewayState.Running) {
            return TrayText.STATUS_RUNNING;
        }
        if (state instanceof GatewayState.Paused) {
            return TrayText.STATUS_PAUSED;
        }
        if (state instanceof GatewayState.AlreadyRunning) {
            return TrayText.STATUS_ELSEWHERE;
        }
        if (state instanceof GatewayState.Starting || state == null) {
            return TrayText.STATUS_STARTING;
        }
        return TrayText.STATUS_PROBLEM;
    }

    /** Whether the menu offers "resume" rather than "pause". */
    public static boolean paused(GatewayState state) {
        return state instanceof GatewayState.Paused;
    }

    /** The notification {@code event} deserves, if any. */
    public Optional<Notice> notice(GatewayEvent event) {
        if (event instanceof GatewayEvent.Held held) {
            return once(held.messageId(), Notice.Severity.INFO, TrayText.HELD_TITLE, TrayText.HELD_BODY,
                    time(held.until()));
        }
        if (event instanceof GatewayEvent.AwaitingSender awaiting) {
            return once(awaiting.messageId(), Notice.Severity.WARNING, TrayText.AWAITING_TITLE, TrayText.AWAITING_BODY,
                    awaiting.recipients().size());
        }
        if (event instanceof GatewayEvent.Overdue overdue) {
            return once(overdue.messageId() + "/overdue", Notice.Severity.WARNING, TrayText.OVERDUE_TITLE,
                    TrayText.OVERDUE_BODY);
        }
        if (event instanceof GatewayEvent.Refused refused) {
            return Optional.of(new Notice(Notice.Severity.WARNING, TrayText.REFUSED_TITLE, TrayText.REFUSED_BODY,
                    List.of(String.join(", ", refused.rules()))));
        }
        if (event instanceof GatewayEvent.Failed failed) {
            return Optional.of(new Notice(Notice.Severity.ERROR, TrayText.FAILED_TITLE, TrayText.FAILED_BODY,
                    List.of(failed.recipients().size(), failed.reason())));
        }
        if (event instanceof GatewayEvent.WaitingForCredentials waiting) {
            return askedFor.add(waiting.user()) ? Optional.of(new Notice(Notice.Severity.WARNING,
                    TrayText.CREDENTIALS_TITLE, TrayText.CREDENTIALS_BODY, List.of(waiting.user()))) : Optional.empty();
        }
        if (event instanceof GatewayEvent.Problem problem) {
            return Optional.of(new Notice(Notice.Severity.ERROR, TrayText.PROBLEM_TITLE, TrayText.PROBLEM_BODY,
                    List.of(problem.what(), problem.detail())));
        }
        if (event instanceof GatewayEvent.Delivered) {
            // Mail left again: the password is known now; ask anew if it is lost later.
            askedFor.clear();
        }
        if (event instanceof GatewayEvent.Finished finished) {
            forget(finished.messageId());
        } else if (event instanceof GatewayEvent.Cancelled cancelled) {
            forget(cancelled.messageId());
        }
        return Optional.empty();
    }

    private Optional<Notice> once(String key, Notice.Severity severity, TrayText title, TrayText body,
                                  Object... arguments) {
        return announced.add(key) ? Optional.of(new Notice(severity, title, body, List.of(arguments)))
                : Optional.empty();
    }

    private void forget(String messageId) {
        announced.remove(messageId);
        announced.remove(messageId + "/overdue");
    }

    private Localized time(Instant instant) {
        return locale -> DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(locale).withZone(zone)
                .format(instant);
    }
}
