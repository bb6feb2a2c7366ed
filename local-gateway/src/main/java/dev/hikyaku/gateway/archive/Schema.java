package dev.hikyaku.gateway.archive;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The archive's tables, versioned by SQLite's {@code user_version}: each migration takes the database one
 * version up, so a later release appends a migration (new columns, tables) and old archives follow.
 */
final class Schema {
    /** Migration {@code i} takes the database from version {@code i} to {@code i + 1}. */
    private static final List<List<String>> MIGRATIONS = List.of(List.of(
            """
            CREATE TABLE message (
                id INTEGER PRIMARY KEY,
                message_key TEXT NOT NULL UNIQUE,
                received_at INTEGER NOT NULL,
                archived_at INTEGER NOT NULL,
                envelope_sender TEXT NOT NULL,
                file_name TEXT NOT NULL,
                header_message_id TEXT,
                header_date INTEGER,
                subject TEXT NOT NULL,
                body_text TEXT NOT NULL,
                total_size INTEGER NOT NULL,
                smime_signed INTEGER NOT NULL,
                smime_encrypted INTEGER NOT NULL,
                plan_json TEXT,
                cancelled_at INTEGER
            )""",
            "CREATE INDEX message_received ON message (received_at DESC, id DESC)",
            """
            CREATE TABLE address (
                message INTEGER NOT NULL REFERENCES message (id) ON DELETE CASCADE,
                role TEXT NOT NULL,
                ordinal INTEGER NOT NULL,
                address TEXT NOT NULL,
                display_name TEXT NOT NULL,
                domain TEXT NOT NULL
            )""",
            "CREATE INDEX address_message ON address (message, role, ordinal)",
            "CREATE INDEX address_domain ON address (domain)",
            """
            CREATE TABLE attachment (
                message INTEGER NOT NULL REFERENCES message (id) ON DELETE CASCADE,
                ordinal INTEGER NOT NULL,
                position TEXT NOT NULL,
                file_name TEXT NOT NULL,
                content_type TEXT NOT NULL,
                decoded_size INTEGER NOT NULL,
                inline INTEGER NOT NULL,
                PRIMARY KEY (message, ordinal)
            )""",
            """
            CREATE TABLE problem (
                message INTEGER NOT NULL REFERENCES message (id) ON DELETE CASCADE,
                ordinal INTEGER NOT NULL,
                kind TEXT NOT NULL,
                position TEXT NOT NULL,
                detail TEXT NOT NULL,
                PRIMARY KEY (message, ordinal)
            )""",
            """
            CREATE TABLE verdict (
                message INTEGER NOT NULL REFERENCES message (id) ON DELETE CASCADE,
                domain TEXT NOT NULL,
                level TEXT NOT NULL,
                reason TEXT NOT NULL,
                recorded_at INTEGER NOT NULL,
                PRIMARY KEY (message, domain)
            )""",
            "CREATE INDEX verdict_level ON verdict (level COLLATE NOCASE)",
            """
            CREATE TABLE variant (
                message INTEGER NOT NULL REFERENCES message (id) ON DELETE CASCADE,
                label TEXT NOT NULL,
                file_name TEXT NOT NULL,
                size INTEGER NOT NULL,
                recorded_at INTEGER NOT NULL,
                PRIMARY KEY (message, label)
            )""",
            """
            CREATE TABLE variant_recipient (
                message INTEGER NOT NULL,
                label TEXT NOT NULL,
                ordinal INTEGER NOT NULL,
                recipient TEXT NOT NULL,
                PRIMARY KEY (message, label, ordinal),
                FOREIGN KEY (message, label) REFERENCES variant (message, label) ON DELETE CASCADE
            )""",
            """
            CREATE TABLE delivery (
                id INTEGER PRIMARY KEY,
                message INTEGER NOT NULL REFERENCES message (id) ON DELETE CASCADE,
                recipient TEXT NOT NULL,
                status TEXT NOT NULL,
                detail TEXT NOT NULL,
                at INTEGER NOT NULL,
                UNIQUE (message, recipient, status, detail, at)
            )""",
            "CREATE INDEX delivery_message ON delivery (message, recipient, at)",
            // Trigram: finds any substring of three or more characters, so Japanese (no spaces) and the start
            // of a word being typed are found. Columns hold normalised text (NFKC, lower case).
            "CREATE VIRTUAL TABLE message_text USING fts5 (subject, addresses, body, attachments,"
                    + " tokenize = 'trigram')"));

    private Schema() {
    }

    /** The version this code writes. */
    static int currentVersion() {
        return MIGRATIONS.size();
    }

    /** The version the database is at (0 for a new, empty one). */
    static int version(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("PRAGMA user_version")) {
            return result.next() ? result.getInt(1) : 0;
        }
    }

    /** Brings a database at version {@code found} (not newer than this code) up to {@link #currentVersion()}. */
    static void migrate(Connection connection, int found) throws SQLException {
        for (int version = found; version < currentVersion(); version++) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                for (String sql : MIGRATIONS.get(version)) {
                    statement.execute(sql);
                }
                statement.execute("PRAGMA user_version = " + (version + 1));
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }
}
