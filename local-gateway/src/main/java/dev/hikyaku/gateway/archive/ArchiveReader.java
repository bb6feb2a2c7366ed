package dev.hikyaku.gateway.archive;

import dev.hikyaku.gateway.mime.Attachment;
import dev.hikyaku.gateway.mime.MailAddress;
import dev.hikyaku.gateway.mime.MessageSummary;
import dev.hikyaku.gateway.mime.Problem;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads the archive: searches and whole messages. Every value from the user is a bound parameter. */
final class ArchiveReader {
    private static final Set<String> FINAL_STATUSES = Set.of("sent", "failed", "cancelled");

    private ArchiveReader() {
    }

    static List<ArchiveEntry> search(Connection connection, ArchiveQuery query) throws SQLException {
        StringBuilder sql = new StringBuilder(
                "SELECT m.id, m.message_key, m.received_at, m.envelope_sender, m.subject, m.cancelled_at"
                        + " FROM message m WHERE 1 = 1");
        List<Object> parameters = new ArrayList<>();
        SearchText.Words words = SearchText.words(query.text());
        if (!words.indexed().isEmpty()) {
            sql.append(" AND m.id IN (SELECT rowid FROM message_text WHERE message_text MATCH ?)");
            parameters.add(words.matchExpression());
        }
        for (String word : words.scanned()) {
            sql.append(" AND m.id IN (SELECT rowid FROM message_text WHERE subject LIKE ? ESCAPE '\\'"
                    + " OR addresses LIKE ? ESCAPE '\\' OR body LIKE ? ESCAPE '\\' OR attachments LIKE ? ESCAPE '\\')");
            String pattern = SearchText.containsPattern(word);
            for (int i = 0; i < 4; i++) {
                parameters.add(pattern);
            }
        }
        query.receivedFrom().ifPresent(from -> {
            sql.append(" AND m.received_at >= ?");
            parameters.add(from.toEpochMilli());
        });
        query.receivedBefore().ifPresent(before -> {
            sql.append(" AND m.received_at < ?");
            parameters.add(before.toEpochMilli());
        });
        query.recipientDomain().map(domain -> domain.strip().toLowerCase(Locale.ROOT)).ifPresent(domain -> {
            sql.append(" AND EXISTS (SELECT 1 FROM address a WHERE a.message = m.id AND a.role IN (")
                    .append(String.join(", ", SubmissionWriter.RECIPIENT_ROLES.stream().map(role -> "?").toList()))
                    .append(") AND (a.domain = ? OR a.domain LIKE ? ESCAPE '\\'))");
            parameters.addAll(SubmissionWriter.RECIPIENT_ROLES);
            parameters.add(domain);
            parameters.add("%." + SearchText.escapeLike(domain));
        });
        query.verdictLevel().ifPresent(level -> {
            sql.append(" AND EXISTS (SELECT 1 FROM verdict v WHERE v.message = m.id"
                    + " AND v.level = ? COLLATE NOCASE)");
            parameters.add(level.strip());
        });
        sql.append(" ORDER BY m.received_at DESC, m.id DESC LIMIT ? OFFSET ?");
        parameters.add(query.limit());
        parameters.add(query.offset());

        List<ArchiveEntry> entries = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < parameters.size(); i++) {
                select.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    long row = result.getLong(1);
                    List<RecipientStatus> recipients = recipientStatuses(connection, row);
                    entries.add(new ArchiveEntry(result.getString(2), Instant.ofEpochMilli(result.getLong(3)),
                            result.getString(4), result.getString(5), recipients, attachmentNames(connection, row),
                            state(recipients, cancelledAt(result, 6))));
                }
            }
        }
        return entries;
    }

    /** The row id of a message, if recorded. */
    static Optional<Long> row(Connection connection, String messageId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT id FROM message WHERE message_key = ?")) {
            select.setString(1, messageId);
            try (ResultSet result = select.executeQuery()) {
                return result.next() ? Optional.of(result.getLong(1)) : Optional.empty();
            }
        }
    }

    /** The file name of a message's original, if recorded. */
    static Optional<String> originalFile(Connection connection, String messageId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT file_name FROM message WHERE message_key = ?")) {
            select.setString(1, messageId);
            try (ResultSet result = select.executeQuery()) {
                return result.next() ? Optional.of(result.getString(1)) : Optional.empty();
            }
        }
    }

    /** The file name of one variant, if recorded. */
    static Optional<String> variantFile(Connection connection, String messageId, String label) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT v.file_name FROM variant v"
                + " JOIN message m ON m.id = v.message WHERE m.message_key = ? AND v.label = ?")) {
            select.setString(1, messageId);
            select.setString(2, label);
            try (ResultSet result = select.executeQuery()) {
                return result.next() ? Optional.of(result.getString(1)) : Optional.empty();
            }
        }
    }

    static Optional<ArchivedMessage> find(Connection connection, String messageId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT id, received_at, archived_at, envelope_sender, header_message_id, header_date, subject,
                    body_text, total_size, smime_signed, smime_encrypted, plan_json, cancelled_at
                FROM message WHERE message_key = ?""")) {
            select.setString(1, messageId);
            try (ResultSet result = select.executeQuery()) {
                if (!result.next()) {
                    return Optional.empty();
                }
                long row = result.getLong(1);
                Map<String, List<MailAddress>> addresses = addresses(connection, row);
                long headerDate = result.getLong(6);
                Optional<Instant> date = result.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(headerDate));
                MessageSummary summary = new MessageSummary(Optional.ofNullable(result.getString(5)), date,
                        addresses.getOrDefault("from", List.of()), addresses.getOrDefault("sender", List.of()),
                        addresses.getOrDefault("reply-to", List.of()), addresses.getOrDefault("to", List.of()),
                        addresses.getOrDefault("cc", List.of()), addresses.getOrDefault("bcc", List.of()),
                        result.getString(7), result.getString(8), attachments(connection, row),
                        result.getBoolean(10), result.getBoolean(11), result.getLong(9), problems(connection, row));
                List<RecipientStatus> recipients = recipientStatuses(connection, row);
                Optional<Instant> cancelled = cancelledAt(result, 13);
                List<String> envelopeRecipients = addresses.getOrDefault(SubmissionWriter.ENVELOPE_TO, List.of())
                        .stream().map(MailAddress::address).toList();
                return Optional.of(new ArchivedMessage(messageId, Instant.ofEpochMilli(result.getLong(2)),
                        Instant.ofEpochMilli(result.getLong(3)), result.getString(4), envelopeRecipients, summary,
                        verdicts(connection, row), variants(connection, row), deliveries(connection, row),
                        recipients, Optional.ofNullable(result.getString(12)), cancelled,
                        state(recipients, cancelled)));
            }
        }
    }

    private static Optional<Instant> cancelledAt(ResultSet result, int column) throws SQLException {
        long value = result.getLong(column);
        return result.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(value));
    }

    private static MessageState state(List<RecipientStatus> recipients, Optional<Instant> cancelledAt) {
        if (cancelledAt.isPresent()) {
            return MessageState.CANCELLED;
        }
        if (recipients.stream().allMatch(recipient -> recipient.at().isEmpty())) {
            return MessageState.RECEIVED;
        }
        if (!recipients.stream().allMatch(recipient -> FINAL_STATUSES.contains(recipient.status()))) {
            return MessageState.IN_PROGRESS;
        }
        long sent = recipients.stream().filter(recipient -> recipient.status().equals("sent")).count();
        if (sent == recipients.size()) {
            return MessageState.SENT;
        }
        return sent == 0 ? MessageState.FAILED : MessageState.PARTLY_SENT;
    }

    /** Envelope recipients in order, then anyone else a delivery was recorded for, each with the latest status. */
    private static List<RecipientStatus> recipientStatuses(Connection connection, long row) throws SQLException {
        Map<String, RecipientStatus> statuses = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT address FROM address WHERE message = ? AND role = ? ORDER BY ordinal")) {
            select.setLong(1, row);
            select.setString(2, SubmissionWriter.ENVELOPE_TO);
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    String recipient = result.getString(1);
                    statuses.putIfAbsent(recipient,
                            new RecipientStatus(recipient, RecipientStatus.PENDING, "", Optional.empty()));
                }
            }
        }
        for (DeliveryRecord delivery : deliveries(connection, row)) {
            statuses.put(delivery.recipient(), new RecipientStatus(delivery.recipient(), delivery.status(),
                    delivery.detail(), Optional.of(delivery.at())));
        }
        return List.copyOf(statuses.values());
    }

    private static List<DeliveryRecord> deliveries(Connection connection, long row) throws SQLException {
        List<DeliveryRecord> deliveries = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT recipient, status, detail, at FROM delivery WHERE message = ? ORDER BY at, id")) {
            select.setLong(1, row);
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    deliveries.add(new DeliveryRecord(result.getString(1), result.getString(2), result.getString(3),
                            Instant.ofEpochMilli(result.getLong(4))));
                }
            }
        }
        return deliveries;
    }

    private static List<String> attachmentNames(Connection connection, long row) throws SQLException {
        return attachments(connection, row).stream().map(Attachment::fileName).filter(name -> !name.isEmpty())
                .toList();
    }

    private static List<Attachment> attachments(Connection connection, long row) throws SQLException {
        List<Attachment> attachments = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT position, file_name, content_type,"
                + " decoded_size, inline FROM attachment WHERE message = ? ORDER BY ordinal")) {
            select.setLong(1, row);
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    attachments.add(new Attachment(result.getString(1), result.getString(2), result.getString(3),
                            result.getLong(4), result.getBoolean(5)));
                }
            }
        }
        return attachments;
    }

    private static List<Problem> problems(Connection connection, long row) throws SQLException {
        List<Problem> problems = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT kind, position, detail FROM problem WHERE message = ? ORDER BY ordinal")) {
            select.setLong(1, row);
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    Optional<Problem.Kind> kind = kind(result.getString(1));
                    if (kind.isPresent()) {
                        problems.add(new Problem(kind.get(), result.getString(2), result.getString(3)));
                    }
                }
            }
        }
        return problems;
    }

    /** A problem kind by name; one written by a later release and unknown here is left out. */
    private static Optional<Problem.Kind> kind(String name) {
        for (Problem.Kind kind : Problem.Kind.values()) {
            if (kind.name().equals(name)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    private static Map<String, List<MailAddress>> addresses(Connection connection, long row) throws SQLException {
        Map<String, List<MailAddress>> byRole = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT role, address, display_name FROM address WHERE message = ? ORDER BY role, ordinal")) {
            select.setLong(1, row);
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    byRole.computeIfAbsent(result.getString(1), role -> new ArrayList<>())
                            .add(new MailAddress(result.getString(2), result.getString(3)));
                }
            }
        }
        return byRole;
    }

    private static List<VerdictRecord> verdicts(Connection connection, long row) throws SQLException {
        List<VerdictRecord> verdicts = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT domain, level, reason, recorded_at FROM verdict WHERE message = ? ORDER BY domain")) {
            select.setLong(1, row);
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    verdicts.add(new VerdictRecord(result.getString(1), result.getString(2), result.getString(3),
                            Instant.ofEpochMilli(result.getLong(4))));
                }
            }
        }
        return verdicts;
    }

    private static List<VariantRecord> variants(Connection connection, long row) throws SQLException {
        Map<String, VariantRecord> variants = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT label, size, recorded_at FROM variant WHERE message = ? ORDER BY label")) {
            select.setLong(1, row);
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    String label = result.getString(1);
                    variants.put(label, new VariantRecord(label, variantRecipients(connection, row, label),
                            result.getLong(2), Instant.ofEpochMilli(result.getLong(3))));
                }
            }
        }
        return List.copyOf(variants.values());
    }

    private static List<String> variantRecipients(Connection connection, long row, String label) throws SQLException {
        List<String> recipients = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT recipient FROM variant_recipient WHERE message = ? AND label = ? ORDER BY ordinal")) {
            select.setLong(1, row);
            select.setString(2, label);
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    recipients.add(result.getString(1));
                }
            }
        }
        return recipients;
    }
}
