package dev.hikyaku.bench.relay;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.SplittableRandom;

/**
 * The large message: valid MIME (multipart/mixed, a short text part and one base64 attachment of random bytes),
 * written with LF line ends for {@code smtp-source -F}, which sends each line with CRLF.
 *
 * @param file        where it was written
 * @param wireBytes   its size in SMTP DATA, CRLF line ends, before dot-stuffing (no line starts with a dot)
 * @param partsDigest its {@link MimePartsDigest}, to compare with the sink's copy
 */
record BigMessage(Path file, long wireBytes, byte[] partsDigest) {
    static final long SIZE = 50L * 1024 * 1024;
    static final String DOMAIN = "dump.bench.test";
    static final String RECIPIENT = "big@" + DOMAIN;
    static final String BOUNDARY = "hikyaku-bench-boundary-7f3a9c";
    /** Bytes per base64 line: 57 raw bytes make the 76 characters RFC 2045 allows. */
    private static final int RAW_PER_LINE = 57;
    private static final int WIRE_PER_LINE = 76 + 2;
    /** Fixed, so every run sends the same bytes; the bytes only have to be incompressible. */
    private static final long SEED = 0x48696b79616b75L;

    /** Writes a message of close to {@link #SIZE} bytes on the wire to {@code file}. */
    static BigMessage write(Path file, Clock clock) throws IOException {
        String head = String.join("\n",
                "From: Hikyaku bench <" + SmtpSource.SENDER + ">",
                "To: <" + RECIPIENT + ">",
                "Subject: Hikyaku bench: one 50 MiB message",
                "Date: " + DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(clock)),
                "Message-ID: <big-message@client.bench.test>",
                "MIME-Version: 1.0",
                "Content-Type: multipart/mixed; boundary=\"" + BOUNDARY + "\"",
                "",
                "This is a multi-part message in MIME format.",
                "--" + BOUNDARY,
                "Content-Type: text/plain; charset=US-ASCII",
                "Content-Transfer-Encoding: 7bit",
                "",
                "The attachment is random bytes; the bench checks that it arrives byte for byte.",
                "",
                "--" + BOUNDARY,
                "Content-Type: application/octet-stream; name=\"bench.bin\"",
                "Content-Transfer-Encoding: base64",
                "Content-Disposition: attachment; filename=\"bench.bin\"",
                "",
                "");
        String tail = "--" + BOUNDARY + "--\n";
        long lines = (SIZE - wireSize(head) - wireSize(tail)) / WIRE_PER_LINE;
        SplittableRandom random = new SplittableRandom(SEED);
        Base64.Encoder base64 = Base64.getEncoder();
        byte[] raw = new byte[RAW_PER_LINE];
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            for (long i = 0; i < lines; i++) {
                random.nextBytes(raw);
                out.write(base64.encode(raw));
                out.write('\n');
            }
            out.write(tail.getBytes(StandardCharsets.US_ASCII));
        }
        long wireBytes = wireSize(head) + lines * WIRE_PER_LINE + wireSize(tail);
        byte[] digest = MimePartsDigest.of(file, BOUNDARY)
                .orElseThrow(() -> new IllegalStateException("the message just written has no closing boundary"));
        return new BigMessage(file, wireBytes, digest);
    }

    /** Bytes of LF-terminated {@code text} once each LF is sent as CRLF. */
    private static long wireSize(String text) {
        return text.length() + text.chars().filter(c -> c == '\n').count();
    }
}
