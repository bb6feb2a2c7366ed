package dev.hikyaku.gateway.queue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The queue's state in SQLite (WAL, fully synced): every accepted message and each recipient's
 * {@link RecipientState}. Every transition is a conditional update from the state it leaves, so a repeated or
 * racing request (a double click, a restart in the middle) changes nothing the second time.
 */
public final class QueueStore implements AutoCloseable {
    private static final String SCHEMA = """
            CREATE TABLE IF NOT EXISTS message (
              id TEXT PRIMARY KEY,
              received_at INTEGER NOT NULL,
              sender TEXT NOT NULL,
              owner TEXT,
              smtp_utf8 INTEGER NOT NULL,
              eight_bit INTEGER NOT NULL,
              size INTEGER NOT NULL,
              notice INTEGER NOT NULL
            );
            CREATE TABLE IF NOT EXISTS recipient (
              message_id TEXT NOT NULL REFERENCES message(id) ON DELETE CASCADE,
              position INTEGER NOT NULL,
              address TEXT NOT NULL,
              state TEXT NOT NULL,
              due_at INTEGER NOT NULL,
              attempts INTEGER NOT NULL DEFAULT 0,
              detail TEXT NOT NULL DEFAULT '',
              PRIMARY KEY (message_id, address)
            );
            CREATE INDEX IF NOT EXISTS recipient_due ON recipient(state, due_at);
            CREATE TABLE IF NOT EXISTS plan (
              message_id TEXT PRIMARY KEY REFERENCES message(id) ON DELETE CASCADE,
              body TEXT NOT NULL
            );
            """;

    private final Connection connection;

    private QueueStore(Connection connection) {
        this.connection = connection;
    }

    /** Opens (creating if needed) the queue database {@code file}. */
    public static QueueStore open(Path file) {
        try {
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA journal_mode=WAL");
                // FULL: a commit is on disk before accept() returns, which is what the client's 250 promises.
                statement.execute("PRAGMA synchronous=FULL");
                statement.execute("PRAGMA foreign_keys=ON");
                statement.execute("PRAGMA busy_timeout=5000");
                statement.executeUpdate(SCHEMA);
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
            return new QueueStore(connection);
        } catch (SQLException e) {
            throw new QueueException("cannot open the queue database " + file + ": " + e.getMessage(), e);
        }
    }

    /** Records a newly accepted message, every recipient ACCEPTED; a repeat of the same id changes nothing. */
    public synchronized void accept(QueuedMessage message) {
        inTransaction(() -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT OR IGNORE INTO message (id, received_at, sender, owner, smtp_utf8, eight_bit, size, notice)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, message.id());
                insert.setLong(2, message.receivedAt().toEpochMilli());
                insert.setString(3, message.sender());
                insert.setString(4, message.owner().orElse(null));
                insert.setInt(5, message.smtpUtf8() ? 1 : 0);
                insert.setInt(6, message.eightBitMime() ? 1 : 0);
                insert.setLong(7, message.size());
                insert.setInt(8, message.notice() ? 1 : 0);
                if (insert.executeUpdate() == 0) {
                    return;
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO recipient (message_id, position, address, state, due_at) VALUES (?, ?, ?, ?, ?)")) {
                int position = 0;
                for (String address : message.recipients()) {
                    insert.setString(1, message.id());
                    insert.setInt(2, position++);
                    insert.setString(3, address);
                    insert.setString(4, RecipientState.ACCEPTED.name());
                    insert.setLong(5, message.receivedAt().toEpochMilli());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    /** Ids of messages with recipients still ACCEPTED (their hold not yet decided), oldest first. */
    public synchronized List<String> undecided() {
        return ids("SELECT DISTINCT m.id FROM message m JOIN recipient r ON r.message_id = m.id"
                + " WHERE r.state = 'ACCEPTED' ORDER BY m.received_at, m.id");
    }

    /** ACCEPTED -> HELD until {@code dueAt}, for every recipient of {@code id} still ACCEPTED. */
    public synchronized int hold(String id, Instant dueAt) {
        return update("UPDATE recipient SET state = 'HELD', due_at = ? WHERE message_id = ? AND state = 'ACCEPTED'",
                dueAt.toEpochMilli(), id);
    }

    /**
     * Applies a message's plan in one transaction: its serialized form is stored, and each recipient still
     * ACCEPTED becomes HELD until its time, AWAITING the sender, FAILED (the route's policy refuses it; the sender
     * gets a failure notice) or CANCELLED (a guard rule stopped the whole message), each with its reason.
     * Returns how many recipients moved; a repeat moves none.
     */
    public synchronized int applyPlan(String id, String plan, Map<String, Instant> heldUntil, Collection<String> awaiting,
                                      Map<String, String> refused, Map<String, String> stopped) {
        int[] moved = new int[1];
        inTransaction(() -> {
            update("INSERT OR REPLACE INTO plan (message_id, body) VALUES (?, ?)", id, plan);
            for (Map.Entry<String, Instant> held : heldUntil.entrySet()) {
                moved[0] += update("UPDATE recipient SET state = 'HELD', due_at = ? WHERE message_id = ? AND address = ?"
                        + " AND state = 'ACCEPTED'", held.getValue().toEpochMilli(), id, held.getKey());
            }
            for (String address : awaiting) {
                moved[0] += update("UPDATE recipient SET state = 'AWAITING' WHERE message_id = ? AND address = ?"
                        + " AND state = 'ACCEPTED'", id, address);
            }
            for (Map.Entry<String, String> refusal : refused.entrySet()) {
                moved[0] += update("UPDATE recipient SET state = 'FAILED', detail = ? WHERE message_id = ? AND address = ?"
                        + " AND state = 'ACCEPTED'", refusal.getValue(), id, refusal.getKey());
            }
            for (Map.Entry<String, String> stop : stopped.entrySet()) {
                moved[0] += update("UPDATE recipient SET state = 'CANCELLED', detail = ? WHERE message_id = ?"
                        + " AND address = ? AND state = 'ACCEPTED'", stop.getValue(), id, stop.getKey());
            }
        });
        return moved[0];
    }

    /**
     * A changed plan (the sender decided or confirmed): stored, and recipients AWAITING that may go now become
     * HELD until their time, those the sender refused become CANCELLED. Returns how many recipients moved.
     */
    public synchronized int replan(String id, String plan, Map<String, Instant> heldUntil, Collection<String> dropped) {
        int[] moved = new int[1];
        inTransaction(() -> {
            update("UPDATE plan SET body = ? WHERE message_id = ?", plan, id);
            for (Map.Entry<String, Instant> held : heldUntil.entrySet()) {
                moved[0] += update("UPDATE recipient SET state = 'HELD', due_at = ? WHERE message_id = ? AND address = ?"
                        + " AND state = 'AWAITING'", held.getValue().toEpochMilli(), id, held.getKey());
            }
            for (String address : dropped) {
                moved[0] += update("UPDATE recipient SET state = 'CANCELLED', detail = 'cancelled by the sender'"
                        + " WHERE message_id = ? AND address = ? AND state IN ('AWAITING', 'HELD', 'OVERDUE')", id, address);
            }
        });
        return moved[0];
    }

    /** The stored plan of message {@code id}, as {@link #applyPlan} got it. */
    public synchronized Optional<String> plan(String id) {
        List<String> found = new ArrayList<>();
        query("SELECT body FROM plan WHERE message_id = ?", rows -> {
            if (rows.next()) {
                found.add(rows.getString(1));
            }
        }, id);
        return found.stream().findFirst();
    }

    /** HELD or OVERDUE -> HELD due at {@code now}: the user's "send now". Returns how many recipients moved. */
    public synchronized int sendNow(String id, Instant now) {
        return update("UPDATE recipient SET state = 'HELD', due_at = ? WHERE message_id = ?"
                + " AND state IN ('HELD', 'OVERDUE')", now.toEpochMilli(), id);
    }

    /** Every recipient not yet handed over -> CANCELLED. Returns how many were cancelled. */
    public synchronized int cancel(String id) {
        return update("UPDATE recipient SET state = 'CANCELLED', detail = 'cancelled by the user' WHERE message_id = ?"
                + " AND state IN ('ACCEPTED', 'AWAITING', 'HELD', 'OVERDUE')", id);
    }

    /**
     * After a crash or a stop: recipients that were being handed over go back to HELD, due at once. The upstream
     * may have taken them already, so this is what makes delivery at-least-once rather than at-most-once.
     * Deferred recipients are due at once too: a start is when the network or the server most likely changed.
     */
    public synchronized int recover(Instant now) {
        int back = update("UPDATE recipient SET state = 'HELD', due_at = ? WHERE state = 'RELEASING'", now.toEpochMilli());
        update("UPDATE recipient SET due_at = ? WHERE state = 'HELD' AND attempts > 0 AND due_at > ?", now.toEpochMilli(),
                now.toEpochMilli());
        return back;
    }

    /**
     * HELD recipients never attempted whose time passed more than {@code late} ago -> OVERDUE, so that mail
     * which wakes up with the PC is not sent days late without the user saying so.
     */
    public synchronized int markOverdue(Instant now, Duration late) {
        return update("UPDATE recipient SET state = 'OVERDUE' WHERE state = 'HELD' AND attempts = 0 AND due_at < ?",
                now.minus(late).toEpochMilli());
    }

    /**
     * Claims the due recipients (HELD, due at or before {@code now}) of messages that {@code releasable} lets go,
     * moving them to RELEASING. At most {@code limit} messages, oldest due first.
     */
    public synchronized List<QueueEntry> claimDue(Instant now, Predicate<QueuedMessage> releasable, int limit) {
        Map<String, List<String>> due = new LinkedHashMap<>();
        query("SELECT message_id, address FROM recipient WHERE state = 'HELD' AND due_at <= ? ORDER BY due_at, message_id,"
                + " position", rows -> {
                    while (rows.next()) {
                        due.computeIfAbsent(rows.getString(1), key -> new ArrayList<>()).add(rows.getString(2));
                    }
                }, now.toEpochMilli());
        List<QueueEntry> claimed = new ArrayList<>();
        inTransaction(() -> {
            for (Map.Entry<String, List<String>> entry : due.entrySet()) {
                if (claimed.size() >= limit) {
                    break;
                }
                Optional<QueuedMessage> message = message(entry.getKey());
                if (message.isEmpty() || !releasable.test(message.get())) {
                    continue;
                }
                List<RecipientStatus> taken = new ArrayList<>();
                for (String address : entry.getValue()) {
                    if (update("UPDATE recipient SET state = 'RELEASING', attempts = attempts + 1 WHERE message_id = ?"
                            + " AND address = ? AND state = 'HELD'", entry.getKey(), address) == 1) {
                        taken.add(status(entry.getKey(), address));
                    }
                }
                if (!taken.isEmpty()) {
                    claimed.add(new QueueEntry(message.get(), taken));
                }
            }
        });
        return claimed;
    }

    /** RELEASING -> SENT. */
    public synchronized boolean markSent(String id, String address, String detail) {
        return update("UPDATE recipient SET state = 'SENT', detail = ? WHERE message_id = ? AND address = ?"
                + " AND state = 'RELEASING'", detail, id, address) == 1;
    }

    /** RELEASING -> HELD until {@code retryAt}, keeping the reason. */
    public synchronized boolean markDeferred(String id, String address, String detail, Instant retryAt) {
        return update("UPDATE recipient SET state = 'HELD', detail = ?, due_at = ? WHERE message_id = ? AND address = ?"
                + " AND state = 'RELEASING'", detail, retryAt.toEpochMilli(), id, address) == 1;
    }

    /**
     * RELEASING -> HELD until {@code retryAt} without counting the attempt: nothing was tried, for instance
     * because no password is known yet.
     */
    public synchronized boolean markWaiting(String id, String address, String detail, Instant retryAt) {
        return update("UPDATE recipient SET state = 'HELD', detail = ?, due_at = ?, attempts = attempts - 1"
                + " WHERE message_id = ? AND address = ? AND state = 'RELEASING'", detail, retryAt.toEpochMilli(), id,
                address) == 1;
    }

    /**
     * RELEASING -> AWAITING the sender, without counting the attempt: nothing was tried (e.g. the identity that should
     * sign expired since the plan was made).
     */
    public synchronized boolean markAwaiting(String id, String address, String detail) {
        return update("UPDATE recipient SET state = 'AWAITING', detail = ?, attempts = attempts - 1"
                + " WHERE message_id = ? AND address = ? AND state = 'RELEASING'", detail, id, address) == 1;
    }

    /** RELEASING -> FAILED. */
    public synchronized boolean markFailed(String id, String address, String detail) {
        return update("UPDATE recipient SET state = 'FAILED', detail = ? WHERE message_id = ? AND address = ?"
                + " AND state = 'RELEASING'", detail, id, address) == 1;
    }

    /** One message with its recipients, if still queued. */
    public synchronized Optional<QueueEntry> find(String id) {
        return message(id).map(message -> new QueueEntry(message, statuses(id)));
    }

    /** Every queued message, oldest first. */
    public synchronized List<QueueEntry> entries() {
        return ids("SELECT id FROM message ORDER BY received_at, id").stream()
                .map(id -> new QueueEntry(message(id).orElseThrow(), statuses(id))).toList();
    }

    /** The earliest time a HELD recipient is due, if any. */
    public synchronized Optional<Instant> nextDue() {
        List<Instant> next = new ArrayList<>();
        query("SELECT MIN(due_at) FROM recipient WHERE state = 'HELD'", rows -> {
            long millis = rows.getLong(1);
            if (!rows.wasNull()) {
                next.add(Instant.ofEpochMilli(millis));
            }
        });
        return next.stream().findFirst();
    }

    /** Removes a finished message from the queue (its history lives in the archive). */
    public synchronized void forget(String id) {
        update("DELETE FROM message WHERE id = ?", id);
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new QueueException("cannot close the queue database: " + e.getMessage(), e);
        }
    }

    private Optional<QueuedMessage> message(String id) {
        List<QueuedMessage> found = new ArrayList<>();
        query("SELECT received_at, sender, owner, smtp_utf8, eight_bit, size, notice FROM message WHERE id = ?", rows -> {
            if (rows.next()) {
                found.add(new QueuedMessage(id, Instant.ofEpochMilli(rows.getLong(1)), rows.getString(2),
                        addresses(id), Optional.ofNullable(rows.getString(3)), rows.getInt(4) == 1, rows.getInt(5) == 1,
                        rows.getLong(6), rows.getInt(7) == 1));
            }
        }, id);
        return found.stream().findFirst();
    }

    private List<String> addresses(String id) {
        return statuses(id).stream().map(RecipientStatus::address).toList();
    }

    private List<RecipientStatus> statuses(String id) {
        List<RecipientStatus> statuses = new ArrayList<>();
        query("SELECT address, state, due_at, attempts, detail FROM recipient WHERE message_id = ? ORDER BY position",
                rows -> {
                    while (rows.next()) {
                        statuses.add(row(rows));
                    }
                }, id);
        return statuses;
    }

    private RecipientStatus status(String id, String address) {
        List<RecipientStatus> statuses = new ArrayList<>();
        query("SELECT address, state, due_at, attempts, detail FROM recipient WHERE message_id = ? AND address = ?",
                rows -> {
                    if (rows.next()) {
                        statuses.add(row(rows));
                    }
                }, id, address);
        return statuses.get(0);
    }

    private static RecipientStatus row(ResultSet rows) throws SQLException {
        return new RecipientStatus(rows.getString(1), RecipientState.valueOf(rows.getString(2)),
                Instant.ofEpochMilli(rows.getLong(3)), rows.getInt(4), rows.getString(5));
    }

    private List<String> ids(String sql) {
        List<String> ids = new ArrayList<>();
        query(sql, rows -> {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        });
        return ids;
    }

    private int update(String sql, Object... values) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, values);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new QueueException("queue update failed: " + e.getMessage(), e);
        }
    }

    private void query(String sql, RowReader reader, Object... values) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, values);
            try (ResultSet rows = statement.executeQuery()) {
                reader.read(rows);
            }
        } catch (SQLException e) {
            throw new QueueException("queue query failed: " + e.getMessage(), e);
        }
    }

    private static void bind(PreparedStatement statement, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            statement.setObject(i + 1, values[i]);
        }
    }

    private void inTransaction(SqlWork work) {
        try {
            connection.setAutoCommit(false);
            try {
                work.run();
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new QueueException("queue transaction failed: " + e.getMessage(), e);
        }
    }

    /** Reads a result set. */
    private interface RowReader {
        void read(ResultSet rows) throws SQLException;
    }

    /** Statements run in one transaction. */
    private interface SqlWork {
        void run() throws SQLException;
    }
}
