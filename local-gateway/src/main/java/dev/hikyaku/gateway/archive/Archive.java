package dev.hikyaku.gateway.archive;

import dev.hikyaku.gateway.mime.MessageAnalyser;
import dev.hikyaku.gateway.mime.MessageSummary;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.sqlite.SQLiteConfig;

/**
 * The local archive of every message the gateway handles: the original and each copy sent, byte for byte,
 * under {@code messages/}; and in {@code archive.db} (SQLite, WAL) what the analyser read from it, the TLS
 * verdicts, the plan and each recipient's delivery history, with a full-text index for search.
 * Thread-safe: database work is serialised on one connection; analysing and copying files happen outside
 * the lock, so a search is not held up by a 50 MB message being recorded.
 */
public final class Archive implements AutoCloseable {
    private static final String DATABASE = "archive.db";
    private static final String MESSAGES = "messages";

    private final Connection connection;
    private final MessageFiles files;
    private final Clock clock;
    private final MessageAnalyser analyser = new MessageAnalyser();
    private final Object lock = new Object();

    private Archive(Connection connection, MessageFiles files, Clock clock) {
        this.connection = connection;
        this.files = files;
        this.clock = clock;
    }

    /** Opens the archive in {@code directory}, creating it (or bringing an older one up to date) as needed. */
    public static Archive open(Path directory, Clock clock) throws ArchiveException {
        Objects.requireNonNull(clock, "clock");
        Connection connection = null;
        try {
            Files.createDirectories(directory);
            MessageFiles files = new MessageFiles(directory.resolve(MESSAGES));
            SQLiteConfig config = new SQLiteConfig();
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            // The queue owns durability; the archive can be rebuilt from it, so NORMAL is enough under WAL.
            config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
            config.enforceForeignKeys(true);
            config.setBusyTimeout(10_000);
            connection = config.createConnection("jdbc:sqlite:" + directory.resolve(DATABASE).toAbsolutePath());
            int version = Schema.version(connection);
            if (version > Schema.currentVersion()) {
                closeQuietly(connection);
                throw new ArchiveException("archive.newer", directory.toString(), null);
            }
            Schema.migrate(connection, version);
            return new Archive(connection, files, clock);
        } catch (ArchiveException e) {
            throw e;
        } catch (IOException | SQLException e) {
            closeQuietly(connection);
            throw new ArchiveException("archive.openFailed", directory + ": " + e.getMessage(), e);
        }
    }

    /**
     * Records a message as submitted: keeps {@code originalFile} (the caller may delete its own afterwards),
     * analyses it and indexes its subject, addresses (envelope and header), body text and attachment names.
     * Recording the same {@code messageId} again does nothing, so a restarted queue may record again.
     * A message the analyser finds damaged is still recorded, with its problems.
     *
     * @param messageId    the gateway's id for the message (any text; unique per message)
     * @param originalFile the message as submitted
     * @param sender       the envelope sender, {@code ""} for the null sender
     * @param recipients   the envelope recipients
     * @param receivedAt   when the gateway accepted it
     */
    public void recordSubmission(String messageId, Path originalFile, String sender, List<String> recipients,
                                 Instant receivedAt) throws ArchiveException {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(originalFile, "originalFile");
        Objects.requireNonNull(sender, "sender");
        List<String> envelopeRecipients = List.copyOf(recipients);
        Objects.requireNonNull(receivedAt, "receivedAt");
        if (isRecorded(messageId)) {
            return;
        }
        String fileName = MessageFiles.originalName(messageId);
        MessageSummary summary;
        try {
            files.keep(originalFile, fileName);
            summary = analyser.analyse(files.resolve(fileName));
        } catch (IOException e) {
            throw new ArchiveException("archive.writeFailed", messageId + ": " + e.getMessage(), e);
        }
        inTransaction(messageId, () -> {
            if (ArchiveReader.row(connection, messageId).isEmpty()) {
                SubmissionWriter.insert(connection, messageId, fileName, sender, envelopeRecipients, receivedAt,
                        clock.instant(), summary);
            }
        });
    }

    /** Records (or replaces) the TLS verdict for one recipient domain of a recorded message. */
    public void recordVerdict(String messageId, String domain, String level, String reason) throws ArchiveException {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(reason, "reason");
        inTransaction(messageId, () -> {
            long row = requireRow(messageId);
            try (PreparedStatement upsert = connection.prepareStatement("""
                    INSERT INTO verdict (message, domain, level, reason, recorded_at) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (message, domain) DO UPDATE SET level = excluded.level, reason = excluded.reason,
                        recorded_at = excluded.recorded_at""")) {
                upsert.setLong(1, row);
                upsert.setString(2, domain.strip().toLowerCase(Locale.ROOT));
                upsert.setString(3, level);
                upsert.setString(4, reason);
                upsert.setLong(5, clock.instant().toEpochMilli());
                upsert.executeUpdate();
            }
        });
    }

    /**
     * Records (or replaces) a copy of a recorded message as actually sent to {@code recipients}: the file is
     * kept like the original, and the recipients become searchable (a forced Bcc, for instance).
     */
    public void recordVariant(String messageId, String label, List<String> recipients, Path variantFile)
            throws ArchiveException {
        Objects.requireNonNull(label, "label");
        List<String> variantRecipients = List.copyOf(recipients);
        Objects.requireNonNull(variantFile, "variantFile");
        if (!isRecorded(messageId)) {
            throw new IllegalArgumentException("no message " + messageId + " in the archive");
        }
        String fileName = MessageFiles.variantName(messageId, label);
        long size;
        try {
            size = files.keep(variantFile, fileName);
        } catch (IOException e) {
            throw new ArchiveException("archive.writeFailed", messageId + ": " + e.getMessage(), e);
        }
        inTransaction(messageId, () -> {
            long row = requireRow(messageId);
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM variant WHERE message = ? AND label = ?")) {
                delete.setLong(1, row);
                delete.setString(2, label);
                delete.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO variant (message, label, file_name, size, recorded_at) VALUES (?, ?, ?, ?, ?)")) {
                insert.setLong(1, row);
                insert.setString(2, label);
                insert.setString(3, fileName);
                insert.setLong(4, size);
                insert.setLong(5, clock.instant().toEpochMilli());
                insert.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO variant_recipient (message, label, ordinal, recipient) VALUES (?, ?, ?, ?)")) {
                for (int i = 0; i < variantRecipients.size(); i++) {
                    insert.setLong(1, row);
                    insert.setString(2, label);
                    insert.setInt(3, i);
                    insert.setString(4, variantRecipients.get(i));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            SubmissionWriter.replaceVariantAddresses(connection, row);
        });
    }

    /**
     * Records a delivery event for one recipient of a recorded message. {@code status} is kept in lower case;
     * {@code sent}, {@code failed} and {@code cancelled} count as final, anything else (such as
     * {@code deferred}) as still in progress. Recording the very same event twice keeps it once.
     */
    public void recordDelivery(String messageId, String recipient, String status, String detail, Instant at)
            throws ArchiveException {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(at, "at");
        inTransaction(messageId, () -> {
            long row = requireRow(messageId);
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT OR IGNORE INTO delivery (message, recipient, status, detail, at)
                    VALUES (?, ?, ?, ?, ?)""")) {
                insert.setLong(1, row);
                insert.setString(2, recipient);
                insert.setString(3, status.strip().toLowerCase(Locale.ROOT));
                insert.setString(4, detail);
                insert.setLong(5, at.toEpochMilli());
                insert.executeUpdate();
            }
        });
    }

    /** Records (or replaces) the delivery plan of a recorded message, as opaque JSON text. */
    public void recordPlan(String messageId, String planJson) throws ArchiveException {
        Objects.requireNonNull(planJson, "planJson");
        updateMessage(messageId, "UPDATE message SET plan_json = ? WHERE id = ?", planJson);
    }

    /** Marks a recorded message as cancelled by the user; the first cancellation's time is kept. */
    public void markCancelled(String messageId, Instant at) throws ArchiveException {
        Objects.requireNonNull(at, "at");
        updateMessage(messageId, "UPDATE message SET cancelled_at = coalesce(cancelled_at, ?) WHERE id = ?",
                at.toEpochMilli());
    }

    /** The messages matching the query, newest received first. */
    public List<ArchiveEntry> search(ArchiveQuery query) throws ArchiveException {
        Objects.requireNonNull(query, "query");
        synchronized (lock) {
            try {
                return ArchiveReader.search(connection, query);
            } catch (SQLException e) {
                throw new ArchiveException("archive.readFailed", e.getMessage(), e);
            }
        }
    }

    /** Everything recorded about a message, if it was recorded. */
    public Optional<ArchivedMessage> find(String messageId) throws ArchiveException {
        Objects.requireNonNull(messageId, "messageId");
        synchronized (lock) {
            try {
                return ArchiveReader.find(connection, messageId);
            } catch (SQLException e) {
                throw new ArchiveException("archive.readFailed", messageId + ": " + e.getMessage(), e);
            }
        }
    }

    /** Writes the original of a recorded message to {@code out}, byte for byte as submitted (an .eml file). */
    public void exportEml(String messageId, OutputStream out) throws IOException {
        Objects.requireNonNull(out, "out");
        String fileName = lookUp(messageId, () -> ArchiveReader.originalFile(connection, messageId));
        files.copyTo(fileName, out);
    }

    /** Writes a recorded variant of a message to {@code out}, byte for byte as it was sent. */
    public void exportVariant(String messageId, String label, OutputStream out) throws IOException {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(out, "out");
        String fileName = lookUp(messageId + " / " + label,
                () -> ArchiveReader.variantFile(connection, messageId, label));
        files.copyTo(fileName, out);
    }

    @Override
    public void close() throws ArchiveException {
        synchronized (lock) {
            try {
                connection.close();
            } catch (SQLException e) {
                throw new ArchiveException("archive.writeFailed", e.getMessage(), e);
            }
        }
    }

    /** Database work that throws SQLException. */
    private interface SqlWork<T> {
        T run() throws SQLException;
    }

    /** Database work without a result. */
    private interface SqlAction {
        void run() throws SQLException;
    }

    private boolean isRecorded(String messageId) throws ArchiveException {
        Objects.requireNonNull(messageId, "messageId");
        synchronized (lock) {
            try {
                return ArchiveReader.row(connection, messageId).isPresent();
            } catch (SQLException e) {
                throw new ArchiveException("archive.readFailed", messageId + ": " + e.getMessage(), e);
            }
        }
    }

    private long requireRow(String messageId) throws SQLException {
        return ArchiveReader.row(connection, messageId)
                .orElseThrow(() -> new IllegalArgumentException("no message " + messageId + " in the archive"));
    }

    private String lookUp(String what, SqlWork<Optional<String>> query) throws ArchiveException {
        synchronized (lock) {
            try {
                return query.run().orElseThrow(() -> new IllegalArgumentException("no " + what + " in the archive"));
            } catch (SQLException e) {
                throw new ArchiveException("archive.readFailed", what + ": " + e.getMessage(), e);
            }
        }
    }

    private void updateMessage(String messageId, String sql, Object value) throws ArchiveException {
        inTransaction(messageId, () -> {
            long row = requireRow(messageId);
            try (PreparedStatement update = connection.prepareStatement(sql)) {
                update.setObject(1, value);
                update.setLong(2, row);
                update.executeUpdate();
            }
        });
    }

    private void inTransaction(String messageId, SqlAction action) throws ArchiveException {
        Objects.requireNonNull(messageId, "messageId");
        synchronized (lock) {
            try {
                connection.setAutoCommit(false);
                try {
                    action.run();
                    connection.commit();
                } catch (SQLException | RuntimeException e) {
                    connection.rollback();
                    throw e;
                } finally {
                    connection.setAutoCommit(true);
                }
            } catch (SQLException e) {
                throw new ArchiveException("archive.writeFailed", messageId + ": " + e.getMessage(), e);
            }
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            // Already failing to open; the first error is the one worth reporting.
        }
    }
}
