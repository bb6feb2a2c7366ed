package dev.hikyaku.gateway.mime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A 50 MB attachment is streamed, never held: a child JVM with a 32 MB heap analyses it. */
class LargeMessageTest {
    private static final int ATTACHMENT_BYTES = 50 * 1024 * 1024;

    @Test
    void aFiftyMegabyteAttachmentIsCountedInASmallHeap(@TempDir Path temp) throws Exception {
        Path message = temp.resolve("large.eml");
        writeLargeMessage(message);

        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx32m", "-cp", System.getProperty("java.class.path"), AnalyseFile.class.getName(),
                message.toString())
                .redirectErrorStream(true).start();
        String output;
        try {
            output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the child should finish");
        } finally {
            child.destroyForcibly();
        }
        assertEquals(0, child.exitValue(), output);
        assertEquals("2 big.bin " + ATTACHMENT_BYTES + " " + Files.size(message) + " hello", output);
    }

    private static void writeLargeMessage(Path file) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write(TestMessages.bytes("Subject: large", "Content-Type: multipart/mixed; boundary=big", "",
                    "--big", "Content-Type: text/plain", "", "hello",
                    "--big", "Content-Type: application/octet-stream",
                    "Content-Disposition: attachment; filename=big.bin", "Content-Transfer-Encoding: base64", ""));
            byte[] block = new byte[57 * 1024];
            for (int i = 0; i < block.length; i++) {
                block[i] = (byte) (i * 31);
            }
            Base64.Encoder encoder = Base64.getMimeEncoder();
            for (int written = 0; written < ATTACHMENT_BYTES; written += block.length) {
                int length = Math.min(block.length, ATTACHMENT_BYTES - written);
                byte[] chunk = length == block.length ? block : Arrays.copyOf(block, length);
                out.write(encoder.encode(chunk));
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.write(TestMessages.bytes("--big--"));
        }
    }

    /** Runs in the child JVM: prints the attachment's position, name, size, the total and the text. */
    public static final class AnalyseFile {
        public static void main(String[] args) throws IOException {
            MessageSummary summary = new MessageAnalyser().analyse(Path.of(args[0]));
            Attachment attachment = summary.attachments().get(0);
            System.out.print(attachment.position() + " " + attachment.fileName() + " " + attachment.decodedSize()
                    + " " + summary.totalSize() + " " + summary.bodyText());
        }
    }
}
