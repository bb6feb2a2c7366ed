package dev.hikyaku.gateway.smtp;

import dev.hikyaku.gateway.auth.AuthOutcome;
import dev.hikyaku.gateway.auth.Credentials;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The tests' stand-in for the gateway's own handler: spools messages into memory and records every call, and
 * notes any misuse of a sink (commit after abandon, a second commit, writes after the end) as a problem.
 */
final class SpoolingHandler implements SubmissionHandler {

    /** A committed message. */
    record Message(Envelope envelope, byte[] content) {
    }

    private final List<Envelope> begun = new CopyOnWriteArrayList<>();
    private final List<Message> committed = new CopyOnWriteArrayList<>();
    private final List<Credentials> credentials = new CopyOnWriteArrayList<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final AtomicInteger abandoned = new AtomicInteger();
    private volatile boolean authRequired;
    private volatile Function<Credentials, AuthOutcome> authenticator = c -> new AuthOutcome.Accepted();
    private volatile boolean failBegin;
    private volatile boolean failCommit;

    SpoolingHandler requireAuth(boolean required) {
        this.authRequired = required;
        return this;
    }

    SpoolingHandler authenticator(Function<Credentials, AuthOutcome> authenticator) {
        this.authenticator = authenticator;
        return this;
    }

    SpoolingHandler failBegin(boolean fail) {
        this.failBegin = fail;
        return this;
    }

    SpoolingHandler failCommit(boolean fail) {
        this.failCommit = fail;
        return this;
    }

    List<Envelope> begun() {
        return List.copyOf(begun);
    }

    List<Message> committed() {
        return List.copyOf(committed);
    }

    List<Credentials> credentials() {
        return List.copyOf(credentials);
    }

    List<String> problems() {
        return List.copyOf(problems);
    }

    int abandoned() {
        return abandoned.get();
    }

    @Override
    public boolean authenticationRequired() {
        return authRequired;
    }

    @Override
    public AuthOutcome authenticate(Credentials given) {
        credentials.add(given);
        return authenticator.apply(given);
    }

    @Override
    public MessageSink begin(Envelope envelope) throws IOException {
        if (failBegin) {
            throw new IOException("the test spool refuses to open");
        }
        begun.add(envelope);
        return new MemorySink(envelope);
    }

    private enum State { OPEN, COMMITTED, ABANDONED }

    private final class MemorySink implements MessageSink {
        private final Envelope envelope;
        private final ByteArrayOutputStream content = new ByteArrayOutputStream();
        private State state = State.OPEN;

        MemorySink(Envelope envelope) {
            this.envelope = envelope;
        }

        @Override
        public OutputStream body() {
            return new OutputStream() {
                @Override
                public void write(int b) {
                    check();
                    content.write(b);
                }

                @Override
                public void write(byte[] bytes, int offset, int length) {
                    check();
                    content.write(bytes, offset, length);
                }

                private void check() {
                    if (state != State.OPEN) {
                        problems.add("write after the message was " + state);
                    }
                }
            };
        }

        @Override
        public synchronized Reply commit() throws IOException {
            if (state != State.OPEN) {
                problems.add("commit after the message was " + state);
            }
            if (failCommit) {
                throw new IOException("the test spool cannot sync");
            }
            state = State.COMMITTED;
            committed.add(new Message(envelope, content.toByteArray()));
            return new Reply(250, "2.0.0", "Queued as " + committed.size());
        }

        @Override
        public synchronized void abandon() {
            if (state != State.OPEN) {
                problems.add("abandon after the message was " + state);
            }
            state = State.ABANDONED;
            abandoned.incrementAndGet();
        }
    }
}
