package dev.hikyaku.gateway.archive;

import dev.hikyaku.gateway.mime.Attachment;
import dev.hikyaku.gateway.mime.MailAddress;
import dev.hikyaku.gateway.mime.MessageSummary;
import dev.hikyaku.gateway.mime.Problem;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Writes one submission's rows (message, addresses, attachments, problems, search text); inside a transaction. */
final class SubmissionWriter {
    /** Address roles as stored; the envelope and variant ones are the gateway's, the rest the header's. */
    static final String ENVELOPE_FROM = "envelope-from";
    static final String ENVELOPE_TO = "envelope-to";
    static final String VARIANT_TO = "variant-to";
    static final List<String> RECIPIENT_ROLES = List.of(ENVELOPE_TO, "to", "cc", "bcc", VARIANT_TO);

    private SubmissionWriter() {
    }

    /** Inserts a recorded submission and returns its row id. */
    static long insert(Connection connection, String messageId, String fileName, String sender,
                       List<String> recipients, Instant receivedAt, Instant archivedAt, MessageSummary summary)
            throws SQLException {
        long row;
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO message (message_key, received_at, archived_at, envelope_sender, file_name,
                    header_message_id, header_date, subject, body_text, total_size, smime_signed, smime_encrypted)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", PreparedStatement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, messageId);
            insert.setLong(2, receivedAt.toEpochMilli());
            insert.setLong(3, archivedAt.toEpochMilli());
            insert.setString(4, sender);
            insert.setString(5, fileName);
            insert.setString(6, summary.messageId().orElse(null));
            if (summary.date().isPresent()) {
                insert.setLong(7, summary.date().get().toEpochMilli());
            } else {
                insert.setNull(7, Types.INTEGER);
            }
            insert.setString(8, summary.subject());
            insert.setString(9, summary.bodyText());
            insert.setLong(10, summary.totalSize());
            insert.setBoolean(11, summary.smimeSigned());
            insert.setBoolean(12, summary.smimeEncrypted());
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                row = keys.getLong(1);
            }
        }
        insertAddresses(connection, row, ENVELOPE_FROM, List.of(new MailAddress(sender, "")));
        insertAddresses(connection, row, ENVELOPE_TO,
                recipients.stream().map(recipient -> new MailAddress(recipient, "")).toList());
        insertAddresses(connection, row, "from", summary.from());
        insertAddresses(connection, row, "sender", summary.sender());
        insertAddresses(connection, row, "reply-to", summary.replyTo());
        insertAddresses(connection, row, "to", summary.to());
        insertAddresses(connection, row, "cc", summary.cc());
        insertAddresses(connection, row, "bcc", summary.bcc());
        insertAttachments(connection, row, summary.attachments());
        insertProblems(connection, row, summary.problems());
        try (PreparedStatement text = connection.prepareStatement(
                "INSERT INTO message_text (rowid, subject, addresses, body, attachments) VALUES (?, ?, ?, ?, ?)")) {
            text.setLong(1, row);
            text.setString(2, SearchText.normalise(summary.subject()));
            text.setString(3, addressText(connection, row));
            text.setString(4, SearchText.normalise(summary.bodyText()));
            text.setString(5, SearchText.normalise(String.join("\n", summary.attachmentNames())));
            text.executeUpdate();
        }
        return row;
    }

    /** Replaces the variant recipients of one variant and refreshes the searchable addresses. */
    static void replaceVariantAddresses(Connection connection, long row) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM address WHERE message = ? AND role = ?")) {
            delete.setLong(1, row);
            delete.setString(2, VARIANT_TO);
            delete.executeUpdate();
        }
        List<MailAddress> variantRecipients = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT DISTINCT recipient FROM variant_recipient WHERE message = ? ORDER BY recipient")) {
            select.setLong(1, row);
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    variantRecipients.add(new MailAddress(result.getString(1), ""));
                }
            }
        }
        insertAddresses(connection, row, VARIANT_TO, variantRecipients);
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE message_text SET addresses = ? WHERE rowid = ?")) {
            update.setString(1, addressText(connection, row));
            update.setLong(2, row);
            update.executeUpdate();
        }
    }

    private static void insertAddresses(Connection connection, long row, String role, List<MailAddress> addresses)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO address (message, role, ordinal, address, display_name, domain) VALUES (?, ?, ?, ?, ?, ?)")) {
            int ordinal = 0;
            for (MailAddress address : addresses) {
                insert.setLong(1, row);
                insert.setString(2, role);
                insert.setInt(3, ordinal++);
                insert.setString(4, address.address());
                insert.setString(5, address.displayName());
                insert.setString(6, address.domain().toLowerCase(Locale.ROOT));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void insertAttachments(Connection connection, long row, List<Attachment> attachments)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO attachment (message, ordinal, position, file_name, content_type, decoded_size, inline)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
            int ordinal = 0;
            for (Attachment attachment : attachments) {
                insert.setLong(1, row);
                insert.setInt(2, ordinal++);
                insert.setString(3, attachment.position());
                insert.setString(4, attachment.fileName());
                insert.setString(5, attachment.contentType());
                insert.setLong(6, attachment.decodedSize());
                insert.setBoolean(7, attachment.inline());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void insertProblems(Connection connection, long row, List<Problem> problems) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO problem (message, ordinal, kind, position, detail) VALUES (?, ?, ?, ?, ?)")) {
            int ordinal = 0;
            for (Problem problem : problems) {
                insert.setLong(1, row);
                insert.setInt(2, ordinal++);
                insert.setString(3, problem.kind().name());
                insert.setString(4, problem.position());
                insert.setString(5, problem.detail());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Every address of the message with its display name, normalised, one per line. */
    private static String addressText(Connection connection, long row) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT address, display_name FROM address WHERE message = ? ORDER BY role, ordinal")) {
            select.setLong(1, row);
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    lines.add((result.getString(2) + " " + result.getString(1)).strip());
                }
            }
        }
        return SearchText.normalise(lines.stream().distinct().collect(Collectors.joining("\n")));
    }
}
