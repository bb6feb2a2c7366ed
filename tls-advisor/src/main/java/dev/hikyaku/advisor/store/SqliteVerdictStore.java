package dev.hikyaku.advisor.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.hikyaku.advisor.evidence.DomainReport;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;

/**
 * A {@link VerdictStore} in an SQLite file, so the gateway, the app and the CLI share what any of them learnt.
 * WAL mode lets readers go on while one process writes.
 */
public final class SqliteVerdictStore implements VerdictStore, AutoCloseable {
    private final Connection connection;
    private final ReportJson json = new ReportJson();

    private SqliteVerdictStore(Connection connection) {
        this.connection = connection;
    }

    /** Opens (and if needed creates) the store in {@code file}. */
    public static SqliteVerdictStore open(Path file) throws SQLException {
        Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA journal_mode=WAL");
            statement.execute("PRAGMA busy_timeout=5000");
            statement.execute("CREATE TABLE IF NOT EXISTS verdict ("
                    + "domain TEXT PRIMARY KEY, expires_at INTEGER NOT NULL, report TEXT NOT NULL)");
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return new SqliteVerdictStore(connection);
    }

    @Override
    public synchronized Optional<DomainReport> find(String domain, Instant now) {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT report FROM verdict WHERE domain = ? AND expires_at > ?")) {
            select.setString(1, domain);
            select.setLong(2, now.toEpochMilli());
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(json.read(row.getString(1))) : Optional.empty();
            }
        } catch (JsonProcessingException e) {
            // Written by another version or damaged on disk: judge the domain afresh instead of failing.
            return Optional.empty();
        } catch (SQLException e) {
            throw new StoreException("reading the verdict cache failed", e);
        }
    }

    @Override
    public synchronized void save(DomainReport report, Instant expiresAt) {
        try (PreparedStatement upsert = connection.prepareStatement(
                "INSERT INTO verdict(domain, expires_at, report) VALUES (?, ?, ?) "
                        + "ON CONFLICT(domain) DO UPDATE SET expires_at = excluded.expires_at, report = excluded.report")) {
            upsert.setString(1, report.domain());
            upsert.setLong(2, expiresAt.toEpochMilli());
            upsert.setString(3, json.write(report));
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("writing the verdict cache failed", e);
        }
    }

    @Override
    public synchronized void close() throws SQLException {
        connection.close();
    }
}
