package dev.hikyaku.app.archive;

import dev.hikyaku.gateway.archive.Archive;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;

/**
 * A real archive in a temp folder with three messages, recorded the way the gateway records them: an estimate in
 * Japanese sent to a DANE domain as an AES zip copy, a report that failed to a plaintext domain, and a cancelled
 * one.
 */
final class SeededArchive {
    static final String ESTIMATE = "m1";
    static final String REPORT = "m2";
    static final String NUMBERS = "m3";
    static final String ESTIMATE_SUBJECT = "見積書の送付について";
    static final String COPY_LABEL = "g1 aes-zip";

    final Archive archive;
    final byte[] estimate;
    final byte[] estimateCopy;

    private SeededArchive(Archive archive, byte[] estimate, byte[] estimateCopy) {
        this.archive = archive;
        this.estimate = estimate;
        this.estimateCopy = estimateCopy;
    }

    static SeededArchive create(Path folder) throws IOException {
        Archive archive = Archive.open(folder.resolve("archive"), Clock.fixed(Instant.parse("2025-06-03T00:00:00Z"),
                ZoneOffset.UTC));
        Path spool = Files.createDirectories(folder.resolve("spool"));
        byte[] estimate = message("hanako@secure.test", encoded(ESTIMATE_SUBJECT),
                "Content-Type: multipart/mixed; boundary=\"b1\"\r\n", "--b1\r\n"
                        + "Content-Type: text/plain; charset=UTF-8\r\n\r\nPlease find the estimate attached.\r\n"
                        + "--b1\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename=\""
                        + encoded("見積.pdf") + "\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                        + Base64.getEncoder().encodeToString(new byte[2048]) + "\r\n--b1--\r\n");
        byte[] copy = message("hanako@secure.test", "Encrypted message", "", "The attachment is in a zip.\r\n");
        archive.recordSubmission(ESTIMATE, Files.write(spool.resolve("m1.eml"), estimate), "taro@office.test",
                List.of("hanako@secure.test"), Instant.parse("2025-06-02T03:00:00Z"));
        archive.recordVerdict(ESTIMATE, "secure.test", "AUTHENTICATED", "Every mail server of this domain "
                + "encrypts, pinned by DANE: an attacker can neither read nor divert the mail.");
        archive.recordVariant(ESTIMATE, COPY_LABEL, List.of("hanako@secure.test"),
                Files.write(spool.resolve("m1-copy.eml"), copy));
        archive.recordDelivery(ESTIMATE, "hanako@secure.test", "sent", "", Instant.parse("2025-06-02T03:00:05Z"));

        archive.recordSubmission(REPORT, Files.write(spool.resolve("m2.eml"),
                        message("bob@clear.test", "Quarterly report", "", "Figures inside.\r\n")),
                "taro@office.test", List.of("bob@clear.test"), Instant.parse("2025-05-10T09:00:00Z"));
        archive.recordVerdict(REPORT, "clear.test", "PLAINTEXT", "Mail to this domain can travel unencrypted.");
        archive.recordDelivery(REPORT, "bob@clear.test", "failed", "550 5.7.1 refused",
                Instant.parse("2025-05-10T09:01:00Z"));

        archive.recordSubmission(NUMBERS, Files.write(spool.resolve("m3.eml"),
                        message("carol@secure.test", "Quarterly numbers", "", "Draft.\r\n")),
                "taro@office.test", List.of("carol@secure.test"), Instant.parse("2025-06-01T08:00:00Z"));
        archive.recordVerdict(NUMBERS, "secure.test", "AUTHENTICATED", "Pinned by DANE.");
        archive.markCancelled(NUMBERS, Instant.parse("2025-06-01T08:00:30Z"));
        return new SeededArchive(archive, estimate, copy);
    }

    private static byte[] message(String to, String subject, String contentType, String body) {
        String header = "From: Taro <taro@office.test>\r\nTo: " + to + "\r\nSubject: " + subject
                + "\r\nMessage-ID: <" + Math.abs(subject.hashCode()) + "@office.test>\r\nMIME-Version: 1.0\r\n"
                + (contentType.isEmpty() ? "Content-Type: text/plain; charset=UTF-8\r\n" : contentType);
        return (header + "\r\n" + body).getBytes(StandardCharsets.UTF_8);
    }

    private static String encoded(String text) {
        return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)) + "?=";
    }
}
