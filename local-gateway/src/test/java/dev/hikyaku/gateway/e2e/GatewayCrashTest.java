package dev.hikyaku.gateway.e2e;

import static dev.hikyaku.gateway.e2e.GatewayWorld.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.testworld.dns.DnsWorld;
import dev.hikyaku.testworld.smtp.ReceivedMessage;
import dev.hikyaku.testworld.smtp.SubmissionBehaviour;
import dev.hikyaku.testworld.smtp.SubmissionServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a real gateway process with SIGKILL at several points and proves that every message the client got a
 * 250 for reaches the upstream after a restart (at least once), and nothing half-received ever does.
 */
class GatewayCrashTest {
    @TempDir
    Path folder;
    private DnsWorld dns;
    private SubmissionServer upstream;
    private int port;

    @BeforeEach
    void world() throws Exception {
        dns = DnsWorld.start();
        dns.zone("plain.test").add("@ MX 10 mx").add("mx A 127.0.0.1");
        upstream = SubmissionServer.start(SubmissionBehaviour.plain());
        port = GatewayProcess.freePort();
    }

    @AfterEach
    void close() throws Exception {
        upstream.close();
        dns.close();
    }

    private GatewayProcess gateway() throws Exception {
        return GatewayProcess.start(folder.resolve("data"), port, upstream.address(), dns.address());
    }

    @Test
    void killedAfterTheClientsGot250ButBeforeAnyDelivery() throws Exception {
        upstream.stop();
        List<String> accepted = new ArrayList<>();
        try (GatewayProcess gateway = gateway()) {
            for (int i = 0; i < 5; i++) {
                accepted.add(send(i));
            }
            gateway.kill();
        }
        upstream.restart();
        try (GatewayProcess restarted = gateway()) {
            await(() -> arrivedSubjects().containsAll(accepted), "every accepted message after the restart");
        }
    }

    @Test
    void killedInTheMiddleOfDeliveringABurst() throws Exception {
        List<String> accepted = new ArrayList<>();
        try (GatewayProcess gateway = gateway()) {
            ExecutorService clients = Executors.newFixedThreadPool(4);
            List<Future<String>> sends = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int number = i;
                sends.add(clients.submit(() -> send(number)));
            }
            await(() -> upstream.messages().size() >= 5, "the first deliveries");
            gateway.kill();
            for (Future<String> send : sends) {
                try {
                    accepted.add(send.get());
                } catch (Exception e) {
                    // Cut off before its 250: the client still holds it, so it is not ours to deliver.
                }
            }
            clients.shutdownNow();
        }
        assertTrue(accepted.size() >= 5, "some messages were accepted before the kill");
        try (GatewayProcess restarted = gateway()) {
            await(() -> arrivedSubjects().containsAll(accepted), "every accepted message after the restart");
        }
    }

    @Test
    void killedInTheMiddleOfDataDeliversNothingHalfReceived() throws Exception {
        try (GatewayProcess gateway = gateway();
             Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            readReply(in);
            for (String command : List.of("EHLO client.test", "MAIL FROM:<taro@office.test>",
                    "RCPT TO:<hanako@plain.test>", "DATA")) {
                out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                readReply(in);
            }
            out.write("Subject: half\r\n\r\nthe first half of a message".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(200);
            gateway.kill();
        }
        try (GatewayProcess restarted = gateway()) {
            String marker = send(99);
            await(() -> arrivedSubjects().contains(marker), "a later message");
            assertTrue(upstream.messages().stream().noneMatch(m -> m.text().contains("Subject: half")));
            try (Stream<Path> incoming = Files.list(folder.resolve("data/spool/incoming"))) {
                assertEquals(0, incoming.count(), "the half-written file is gone");
            }
        }
    }

    /** Sends one message over a raw SMTP session and returns its subject once the gateway answered 250. */
    private String send(int number) throws Exception {
        String subject = "crash-test-" + number + "-" + System.nanoTime();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            expect(readReply(in), "220");
            for (String command : List.of("EHLO client.test", "MAIL FROM:<taro@office.test>",
                    "RCPT TO:<hanako@plain.test>", "DATA")) {
                out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                readReply(in);
            }
            out.write(("Subject: " + subject + "\r\n\r\nbody " + number + "\r\n.\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            expect(readReply(in), "250");
            out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
        return subject;
    }

    private Set<String> arrivedSubjects() {
        Set<String> subjects = new HashSet<>();
        for (ReceivedMessage message : upstream.messages()) {
            for (String line : message.text().split("\r\n")) {
                if (line.startsWith("Subject: ")) {
                    subjects.add(line.substring(9));
                }
            }
        }
        return subjects;
    }

    private static void expect(String reply, String code) {
        if (!reply.startsWith(code)) {
            throw new IllegalStateException("expected " + code + " but got " + reply);
        }
    }

    /** Reads one (possibly multi-line) reply and returns its last line. */
    private static String readReply(InputStream in) throws Exception {
        while (true) {
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) != '\n') {
                if (c < 0) {
                    throw new IllegalStateException("connection closed");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            if (line.length() < 4 || line.charAt(3) != '-') {
                return line.toString();
            }
        }
    }
}
