package dev.hikyaku.gateway.delivery;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.testworld.smtp.SubmissionBehaviour;
import dev.hikyaku.testworld.smtp.SubmissionServer;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A 50 MB message goes out from a JVM whose whole heap is smaller than the message. */
class LargeMessageTest {

    private static final int MESSAGE_BYTES = 50 * 1024 * 1024;
    private static final String CHILD_HEAP = "-Xmx32m";

    @Test
    void aFiftyMegabyteMessageIsStreamedFromDisk(@TempDir Path spool) throws Exception {
        Path file = spool.resolve("large.eml");
        byte[] digest = writeLargeMessage(file);
        SubmissionBehaviour roomy = SubmissionBehaviour.plain().withMaxMessage(MESSAGE_BYTES + 1024 * 1024);
        try (SubmissionServer server = SubmissionServer.start(roomy)) {
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    CHILD_HEAP, "-cp", System.getProperty("java.class.path"), Sender.class.getName(),
                    Integer.toString(server.address().getPort()), file.toString())
                    .redirectErrorStream(true).start();
            String output;
            try {
                output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(child.waitFor(2, TimeUnit.MINUTES), "the sender did not finish");
            } finally {
                child.destroyForcibly();
            }
            assertEquals(0, child.exitValue(), output);
            assertEquals("ACCEPTED", output.strip());

            byte[] received = server.messages().get(0).raw();
            assertEquals(MESSAGE_BYTES, received.length);
            assertArrayEquals(digest, MessageDigest.getInstance("SHA-256").digest(received));
        }
    }

    /** Writes exactly {@link #MESSAGE_BYTES}: a padded header, then numbered 80-byte lines, some dot-led. */
    private static byte[] writeLargeMessage(Path file) throws Exception {
        int lineBytes = 80;
        String bare = "Subject: large\r\nX-Pad: \r\n\r\n";
        int pad = Math.floorMod(MESSAGE_BYTES - bare.length(), lineBytes);
        String header = "Subject: large\r\nX-Pad: " + "p".repeat(pad) + "\r\n\r\n";
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        try (OutputStream out = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(file)), sha256)) {
            out.write(header.getBytes(StandardCharsets.US_ASCII));
            for (int line = 0; line < (MESSAGE_BYTES - header.length()) / lineBytes; line++) {
                String text = String.format("%s%010d %s\r\n", line % 7 == 0 ? "." : "x", line, "y".repeat(66));
                out.write(text.getBytes(StandardCharsets.US_ASCII));
            }
        }
        assertEquals(MESSAGE_BYTES, Files.size(file));
        return sha256.digest();
    }

    /** The child JVM: delivers the file to the loopback server and prints ACCEPTED or the report. */
    public static final class Sender {

        public static void main(String[] args) throws IOException {
            ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1);
            timer.setRemoveOnCancelPolicy(true);
            UpstreamSettings settings = UpstreamSettings.of("127.0.0.1", Integer.parseInt(args[0]),
                    UpstreamSecurity.NONE, UpstreamTrust.systemCas()).withTimeouts(TestUpstream.TIMEOUT,
                    TestUpstream.TIMEOUT);
            try (UpstreamClient client = new UpstreamClient(settings, Clock.systemUTC(), timer)) {
                DeliveryReport report = client.deliver(new DeliveryRequest(Path.of(args[1]), "taro@example.test",
                        List.of("hanako@example.test"), false, false, false, Optional.empty()));
                System.out.print(report.allAccepted() ? "ACCEPTED" : report.toString());
            } finally {
                timer.shutdownNow();
            }
        }
    }
}
