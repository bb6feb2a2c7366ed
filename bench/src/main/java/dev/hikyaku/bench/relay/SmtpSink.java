package dev.hikyaku.bench.relay;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Postfix's smtp-sink on 127.0.0.1: the final destination of every message. Its {@code -c} counters
 * ("sess=N quit=N mesg=N", updated when a message's final dot arrives) tell the bench when a load has fully
 * arrived; with a dump directory it also keeps each message in a file of its own ({@code -d}).
 */
final class SmtpSink implements AutoCloseable {
    private static final Pattern MESSAGES = Pattern.compile("\\bmesg=(\\d{1,18})\\b");
    private static final String BACKLOG = "256";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_LINE = 1_000;

    private final Process process;
    private final ExitGuard guard;
    private final int port;
    private final Object lock = new Object();
    private long messages;
    private long lastArrivalNanos;
    private boolean ended;
    private String lastOther = "(no output)";

    private SmtpSink(Process process, int port) {
        this.process = process;
        this.guard = ExitGuard.destroying("stop-smtp-sink-" + port, process);
        this.port = port;
    }

    /** Starts a sink on a free loopback port; {@code dumpDirectory} must be writable by the sink's user. */
    static SmtpSink start(PostfixTools tools, Optional<Path> dumpDirectory) throws IOException, InterruptedException {
        int port = Loopback.freePort();
        // -a: announce no AUTH, like a relay that needs none; the gateway then asks none of its clients either.
        List<String> command = new ArrayList<>(List.of(tools.smtpSink().toString(), "-a", "-c"));
        if (ProcessOwner.isRoot()) {
            // smtp-sink refuses to run as root without a user to switch to.
            command.addAll(List.of("-u", ProcessOwner.POSTFIX_USER));
        }
        dumpDirectory.ifPresent(dir -> command.addAll(List.of("-d", dir.resolve("message.").toString())));
        command.addAll(List.of(Loopback.HOST + ":" + port, BACKLOG));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        SmtpSink sink = new SmtpSink(process, port);
        Thread reader = new Thread(sink::readCounters, "smtp-sink-" + port);
        reader.setDaemon(true);
        reader.start();
        if (!Loopback.awaitListening(port, START_TIMEOUT)) {
            sink.close();
            throw new IOException("smtp-sink did not listen on " + Loopback.HOST + ":" + port + ": "
                    + sink.lastOther());
        }
        return sink;
    }

    int port() {
        return port;
    }

    /** Messages received so far, each counted when its final dot arrived. */
    long messages() {
        synchronized (lock) {
            return messages;
        }
    }

    /**
     * Waits until at least {@code count} messages have arrived; returns the {@link System#nanoTime()} at which
     * the counter reached its current value, or empty when the sink ended or {@code timeout} passed first.
     */
    OptionalLong awaitMessages(long count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (messages < count && !ended) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return OptionalLong.empty();
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            return messages >= count ? OptionalLong.of(lastArrivalNanos) : OptionalLong.empty();
        }
    }

    /** The last line the sink printed that was not a counter, e.g. a fatal error. */
    String lastOther() {
        synchronized (lock) {
            return lastOther;
        }
    }

    /** Reads the counter lines, which end in a carriage return (the sink redraws one terminal line). */
    private void readCounters() {
        StringBuilder line = new StringBuilder();
        try (InputStream in = process.getInputStream()) {
            int b;
            while ((b = in.read()) != -1) {
                if (b == '\r' || b == '\n') {
                    record(line.toString());
                    line.setLength(0);
                } else if (line.length() < MAX_LINE) {
                    line.append((char) b);
                }
            }
        } catch (IOException streamClosed) {
            // close() destroyed the process; the counters end here.
        } finally {
            synchronized (lock) {
                ended = true;
                lock.notifyAll();
            }
        }
    }

    private void record(String line) {
        if (line.isBlank()) {
            return;
        }
        long now = System.nanoTime();
        Matcher matcher = MESSAGES.matcher(line);
        synchronized (lock) {
            if (matcher.find()) {
                long counted = Long.parseLong(matcher.group(1));
                if (counted != messages) {
                    messages = counted;
                    lastArrivalNanos = now;
                    lock.notifyAll();
                }
            } else {
                lastOther = ToolOutput.clean(line);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        guard.close();
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
