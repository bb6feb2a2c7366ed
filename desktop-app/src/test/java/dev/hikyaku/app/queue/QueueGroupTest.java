package dev.hikyaku.app.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hikyaku.gateway.queue.QueueEntry;
import dev.hikyaku.gateway.queue.QueuedMessage;
import dev.hikyaku.gateway.queue.RecipientState;
import dev.hikyaku.gateway.queue.RecipientStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QueueGroupTest {
    private static final Instant NOW = Instant.parse("2025-03-01T09:00:00Z");

    private static RecipientStatus recipient(RecipientState state, long dueInSeconds, int attempts) {
        return new RecipientStatus("r" + dueInSeconds + state + "@x.test", state, NOW.plusSeconds(dueInSeconds),
                attempts, "");
    }

    private static Optional<QueueGroup> group(RecipientStatus... recipients) {
        List<String> addresses = new ArrayList<>();
        for (RecipientStatus recipient : recipients) {
            addresses.add(recipient.address());
        }
        QueuedMessage message = new QueuedMessage("m", NOW, "taro@office.test", addresses, Optional.empty(), false,
                false, 100, false);
        return QueueGroup.of(new QueueEntry(message, List.of(recipients)), NOW);
    }

    @Test
    void eachStateFindsItsSection() {
        assertEquals(Optional.of(QueueGroup.HELD), group(recipient(RecipientState.HELD, 300, 0)));
        assertEquals(Optional.of(QueueGroup.DELIVERING), group(recipient(RecipientState.HELD, -1, 0)));
        assertEquals(Optional.of(QueueGroup.DELIVERING), group(recipient(RecipientState.RELEASING, 0, 1)));
        assertEquals(Optional.of(QueueGroup.RETRYING), group(recipient(RecipientState.HELD, 60, 1)));
        assertEquals(Optional.of(QueueGroup.AWAITING), group(recipient(RecipientState.AWAITING, 0, 0)));
        assertEquals(Optional.of(QueueGroup.OVERDUE), group(recipient(RecipientState.OVERDUE, -86_400, 0)));
        assertEquals(Optional.of(QueueGroup.PLANNING), group(recipient(RecipientState.ACCEPTED, 0, 0)));
    }

    @Test
    void theMostPressingStateOfAMessageWins() {
        assertEquals(Optional.of(QueueGroup.AWAITING), group(recipient(RecipientState.HELD, 300, 0),
                recipient(RecipientState.AWAITING, 0, 0)));
        assertEquals(Optional.of(QueueGroup.FAILED), group(recipient(RecipientState.FAILED, 0, 1),
                recipient(RecipientState.HELD, 300, 0)));
        assertEquals(Optional.of(QueueGroup.RETRYING), group(recipient(RecipientState.SENT, 0, 1),
                recipient(RecipientState.HELD, 60, 2)));
    }

    @Test
    void aSettledMessageIsInNoSection() {
        assertEquals(Optional.empty(), group(recipient(RecipientState.SENT, 0, 1),
                recipient(RecipientState.FAILED, 0, 1), recipient(RecipientState.CANCELLED, 0, 0)));
    }

    @Test
    void countsCoverEverySectionAndTellWhatNeedsTheUser() {
        QueueRow awaiting = new QueueRow("a", QueueGroup.AWAITING, "", List.of("x@y.test"), Optional.empty(), 0, "",
                true, false, true);
        QueueRow held = new QueueRow("b", QueueGroup.HELD, "", List.of("x@y.test"), Optional.empty(), 0, "", true,
                true, true);
        QueueCounts counts = QueueCounts.of(List.of(awaiting, held, held));
        assertEquals(2, counts.of(QueueGroup.HELD));
        assertEquals(0, counts.of(QueueGroup.FAILED));
        assertEquals(1, counts.needingAttention());
        assertEquals(0, QueueCounts.none().needingAttention());
    }
}
