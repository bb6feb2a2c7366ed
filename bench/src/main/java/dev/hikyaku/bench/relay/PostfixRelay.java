package dev.hikyaku.bench.relay;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A private, stock Postfix instance on 127.0.0.1 that relays everything to smtp-sink: the reference the gateway
 * is measured beside. Its configuration, queue and data directories live in a temporary directory of their own,
 * so the system's Postfix (configured or not, running or not) is never touched.
 */
final class PostfixRelay implements AutoCloseable {
    /** Parallel deliveries to the sink; the load arrives over 10 sessions too. Stock Postfix allows 20. */
    static final int DELIVERY_CONCURRENCY = 10;
    /** Room for the 50 MiB message; stock Postfix refuses anything over 10 MB. */
    static final long MESSAGE_SIZE_LIMIT = 100L * 1024 * 1024;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final int LOG_LINES = 3;

    private final PostfixTools tools;
    private final Path root;
    private final int port;
    private final ExitGuard guard;

    private PostfixRelay(PostfixTools tools, Path root, int port) {
        this.tools = tools;
        this.root = root;
        this.port = port;
        this.guard = new ExitGuard("stop-bench-postfix", this::stopQuietly);
    }

    /**
     * Configures and starts the instance in a new directory under {@code workDirectory} (which must be
     * searchable by the postfix user). Mail for {@code dumpDomain} goes to {@code dumpPort}, all other mail to
     * {@code sinkPort}. On failure everything started is stopped again and the exception carries Postfix's log.
     */
    static PostfixRelay start(PostfixTools tools, Path workDirectory, int sinkPort, String dumpDomain, int dumpPort)
            throws IOException, InterruptedException {
        Path root = Files.createDirectory(workDirectory.resolve("postfix"));
        PostfixRelay relay = new PostfixRelay(tools, root, Loopback.freePort());
        try {
            Files.createDirectories(relay.configDirectory());
            Files.createDirectories(relay.queueDirectory());
            Files.createDirectories(relay.dataDirectory());
            // Postfix opens files in its data directory with the postfix user's rights.
            ProcessOwner.handToPostfix(relay.dataDirectory());
            Files.writeString(relay.transportMap(), dumpDomain + " smtp:[" + Loopback.HOST + "]:" + dumpPort + "\n");
            Files.writeString(relay.configDirectory().resolve("main.cf"), relay.mainCf(sinkPort));
            Files.writeString(relay.configDirectory().resolve("master.cf"), relay.masterCf());
            int exit = relay.control("start");
            if (exit != 0) {
                throw new IOException("postfix start exited " + exit + ": " + relay.logTail());
            }
            if (!Loopback.awaitListening(relay.port, START_TIMEOUT)) {
                throw new IOException("Postfix's smtpd did not listen on port " + relay.port + ": " + relay.logTail());
            }
            return relay;
        } catch (IOException | InterruptedException | RuntimeException e) {
            relay.close();
            throw e;
        }
    }

    int port() {
        return port;
    }

    private Path configDirectory() {
        return root.resolve("etc");
    }

    private Path queueDirectory() {
        return root.resolve("queue");
    }

    private Path dataDirectory() {
        return root.resolve("data");
    }

    private Path maillog() {
        return root.resolve("maillog");
    }

    /** One line routing the large message's domain to the copying sink; texthash needs no postmap. */
    private Path transportMap() {
        return configDirectory().resolve("transport");
    }

    private String mainCf(int sinkPort) {
        return String.join("\n",
                "compatibility_level = 3.6",
                "queue_directory = " + queueDirectory(),
                "data_directory = " + dataDirectory(),
                // No syslog daemon is assumed; postlogd writes the log here instead.
                "maillog_file = " + maillog(),
                "maillog_file_prefixes = " + root,
                "myhostname = relay.bench.test",
                "mydomain = bench.test",
                "myorigin = $myhostname",
                // Nothing is delivered locally: every domain is relayed.
                "mydestination =",
                "local_transport = error:5.1.1 local delivery is off in the bench relay",
                "alias_maps =",
                "alias_database =",
                "inet_interfaces = loopback-only",
                "inet_protocols = ipv4",
                "mynetworks = 127.0.0.0/8",
                "smtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination",
                "relayhost = [" + Loopback.HOST + "]:" + sinkPort,
                "transport_maps = texthash:" + transportMap(),
                "smtp_dns_support_level = disabled",
                "smtp_host_lookup = native",
                "default_destination_concurrency_limit = " + DELIVERY_CONCURRENCY,
                "message_size_limit = " + MESSAGE_SIZE_LIMIT,
                "mailbox_size_limit = 0",
                "");
    }

    /** Debian's stock services without chroot (the chroot would need a copy of /etc files) or local delivery. */
    private String masterCf() {
        return String.join("\n",
                Loopback.HOST + ":" + port + " inet n - n - - smtpd",
                "pickup unix n - n 60 1 pickup",
                "cleanup unix n - n - 0 cleanup",
                "qmgr unix n - n 300 1 qmgr",
                "rewrite unix - - n - - trivial-rewrite",
                "bounce unix - - n - 0 bounce",
                "defer unix - - n - 0 bounce",
                "trace unix - - n - 0 bounce",
                "verify unix - - n - 1 verify",
                "flush unix n - n 1000? 0 flush",
                "proxymap unix - - n - - proxymap",
                "smtp unix - - n - - smtp",
                "relay unix - - n - - smtp",
                "showq unix n - n - - showq",
                "error unix - - n - - error",
                "retry unix - - n - - error",
                "discard unix - - n - - discard",
                "anvil unix - - n - 1 anvil",
                "scache unix - - n - 1 scache",
                "postlog unix-dgram n - n - 1 postlogd",
                "");
    }

    /** Runs {@code postfix -c DIR command}; its messages go to the maillog, not to a terminal. */
    private int control(String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(tools.postfix().toString(), "-c", configDirectory().toString(), command)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return process.waitFor();
    }

    private String logTail() {
        try {
            if (!Files.exists(maillog())) {
                return "no maillog written";
            }
            List<String> lines = Files.readAllLines(maillog(), StandardCharsets.ISO_8859_1);
            return lines.subList(Math.max(0, lines.size() - LOG_LINES), lines.size()).stream()
                    .map(ToolOutput::clean).reduce((a, b) -> a + " | " + b).orElse("maillog is empty");
        } catch (IOException e) {
            return "maillog unreadable: " + e.getMessage();
        }
    }

    private Optional<ProcessHandle> master() {
        try {
            String pid = Files.readString(queueDirectory().resolve("pid").resolve("master.pid"),
                    StandardCharsets.US_ASCII).strip();
            return pid.matches("[0-9]{1,10}") ? ProcessHandle.of(Long.parseLong(pid)) : Optional.empty();
        } catch (IOException noPidFile) {
            return Optional.empty();
        }
    }

    /**
     * Stops the instance and waits for its master to exit, killing it and its children if it will not. The
     * directory stays for the owner of {@code workDirectory} to delete.
     */
    @Override
    public void close() throws IOException, InterruptedException {
        guard.close();
        stop();
    }

    private void stop() throws IOException, InterruptedException {
        Optional<ProcessHandle> master = master();
        control("stop");
        if (master.isPresent()) {
            awaitExit(master.get());
        }
    }

    private void stopQuietly() {
        try {
            stop();
        } catch (IOException | InterruptedException e) {
            System.err.println("could not stop the bench's Postfix in " + root + ": " + e);
        }
    }

    private static void awaitExit(ProcessHandle master) throws InterruptedException {
        try {
            master.onExit().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // Only this instance's master and the daemons it forked: all started by this bench.
            master.descendants().forEach(ProcessHandle::destroyForcibly);
            master.destroyForcibly();
        } catch (ExecutionException e) {
            throw new IllegalStateException("onExit does not fail", e);
        }
    }
}
