package dev.hikyaku.app.report;

import dev.hikyaku.gateway.archive.Archive;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A real archive seeded for the report, today being 2025-06-03 (a Tuesday): this week two recipients over
 * authenticated TLS and one in plaintext; last week one over TLS, one without a verdict and one that failed; and a
 * message from last year that falls outside every period shown.
 */
final class ReportArchive {
    static final Instant NOW = Instant.parse("2025-06-03T12:00:00Z");

    private ReportArchive() {
    }

    static Archive create(Path folder) throws IOException {
        Archive archive = Archive.open(folder.resolve("archive"), Clock.fixed(NOW, ZoneOffset.UTC));
        Path spool = Files.createDirectories(folder.resolve("spool"));
        record(archive, spool, "a", "2025-06-02T09:00:00Z", List.of("a@secure.test", "b@clear.test"), "sent");
        archive.recordVerdict("a", "secure.test", "AUTHENTICATED", "pinned by DANE");
        archive.recordVerdict("a", "clear.test", "PLAINTEXT", "no STARTTLS");
        record(archive, spool, "b", "2025-06-03T08:00:00Z", List.of("c@secure.test"), "sent");
        archive.recordVerdict("b", "secure.test", "AUTHENTICATED", "pinned by DANE");
        record(archive, spool, "c", "2025-05-28T08:00:00Z", List.of("d@tls.test", "e@none.test"), "sent");
        archive.recordVerdict("c", "tls.test", "ENCRYPTED", "valid certificates");
        record(archive, spool, "d", "2025-05-27T08:00:00Z", List.of("f@tls.test"), "failed");
        archive.recordVerdict("d", "tls.test", "ENCRYPTED", "valid certificates");
        record(archive, spool, "e", "2024-01-05T08:00:00Z", List.of("g@clear.test"), "sent");
        archive.recordVerdict("e", "clear.test", "PLAINTEXT", "no STARTTLS");
        return archive;
    }

    private static void record(Archive archive, Path spool, String id, String at, List<String> recipients,
                               String status) throws IOException {
        byte[] message = ("From: taro@office.test\r\nTo: " + String.join(", ", recipients) + "\r\nSubject: " + id
                + "\r\n\r\nHello.\r\n").getBytes(StandardCharsets.US_ASCII);
        Instant received = Instant.parse(at);
        archive.recordSubmission(id, Files.write(spool.resolve(id + ".eml"), message), "taro@office.test",
                recipients, received);
        for (String recipient : recipients) {
            archive.recordDelivery(id, recipient, status, "", received.plusSeconds(5));
        }
    }
}
