package dev.hikyaku.gateway.intake;

import dev.hikyaku.gateway.auth.AuthGate;
import dev.hikyaku.gateway.auth.AuthOutcome;
import dev.hikyaku.gateway.auth.CredentialVault;
import dev.hikyaku.gateway.auth.Credentials;
import dev.hikyaku.gateway.events.GatewayEvent;
import dev.hikyaku.gateway.events.GatewayListener;
import dev.hikyaku.gateway.queue.QueueStore;
import dev.hikyaku.gateway.queue.QueuedMessage;
import dev.hikyaku.gateway.smtp.Envelope;
import dev.hikyaku.gateway.smtp.MessageSink;
import dev.hikyaku.gateway.smtp.Reply;
import dev.hikyaku.gateway.smtp.SubmissionHandler;
import dev.hikyaku.gateway.spool.Spool;
import dev.hikyaku.gateway.spool.SpoolWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Takes messages in: from the listener (the client's DATA) and from the gateway itself (failure notices).
 * A message is on disk, synced, and in the queue, synced, before anyone is told it was accepted.
 */
public final class Intake implements SubmissionHandler {
    private final Spool spool;
    private final QueueStore queue;
    private final AuthGate gate;
    private final CredentialVault vault;
    private final MessageIds ids;
    private final GatewayListener events;
    private final Consumer<QueuedMessage> onAccepted;
    private final Clock clock;

    /** {@code onAccepted} runs after each message is durable (wakes the dispatcher, starts verdict look-ups). */
    public Intake(Spool spool, QueueStore queue, AuthGate gate, CredentialVault vault, MessageIds ids,
                  GatewayListener events, Consumer<QueuedMessage> onAccepted, Clock clock) {
        this.spool = spool;
        this.queue = queue;
        this.gate = gate;
        this.vault = vault;
        this.ids = ids;
        this.events = events;
        this.onAccepted = onAccepted;
        this.clock = clock;
    }

    @Override
    public boolean authenticationRequired() {
        return gate.required();
    }

    @Override
    public AuthOutcome authenticate(Credentials credentials) {
        AuthOutcome outcome = gate.verify(credentials);
        if (outcome instanceof AuthOutcome.Accepted) {
            vault.remember(credentials);
        }
        return outcome;
    }

    @Override
    public MessageSink begin(Envelope envelope) throws IOException {
        SpoolWriter writer = spool.create(ids.next());
        return new MessageSink() {
            @Override
            public OutputStream body() {
                return writer.stream();
            }

            @Override
            public Reply commit() throws IOException {
                // The owner is who released it: only when clients must authenticate is there someone to ask.
                Optional<String> owner = gate.required() ? envelope.authenticatedUser() : Optional.empty();
                accept(writer, envelope.sender(), envelope.recipients(), owner, envelope.smtpUtf8(),
                        envelope.eightBitMime(), false);
                return new Reply(250, "2.0.0", "Ok: queued as " + writer.id());
            }

            @Override
            public void abandon() {
                writer.abandon();
            }
        };
    }

    /**
     * Queues a message the app composed for the user (an ACME challenge response, say) like a client's submission:
     * guarded, planned, archived and released. When the upstream wants AUTH its owner is the user whose password
     * arrived last, else {@code sender} (the usual login), so it waits for credentials like any mail.
     */
    public String enqueueComposed(String sender, List<String> recipients, byte[] content) throws IOException {
        Optional<String> owner = gate.required() ? Optional.of(vault.lastUser().orElse(sender)) : Optional.empty();
        try (SpoolWriter writer = spool.create(ids.next())) {
            writer.stream().write(content);
            accept(writer, sender, recipients, owner, false, true, false);
            return writer.id();
        }
    }

    /** Queues a message the gateway writes itself; {@code content} writes its bytes (CRLF line ends). */
    public String enqueueOwn(String sender, List<String> recipients, Optional<String> owner, MessageWriter content)
            throws IOException {
        try (SpoolWriter writer = spool.create(ids.next())) {
            content.write(writer.stream());
            accept(writer, sender, recipients, owner, false, true, true);
            return writer.id();
        }
    }

    private void accept(SpoolWriter writer, String sender, List<String> recipients, Optional<String> owner,
                        boolean smtpUtf8, boolean eightBit, boolean notice) throws IOException {
        long size = writer.size();
        writer.commit();
        QueuedMessage message = new QueuedMessage(writer.id(), clock.instant(), sender, recipients, owner, smtpUtf8,
                eightBit, size, notice);
        try {
            queue.accept(message);
        } catch (RuntimeException e) {
            // Not in the queue means not accepted: the client keeps the message and tries again.
            spool.delete(writer.id());
            throw new IOException("the queue could not record the message: " + e.getMessage(), e);
        }
        events.on(new GatewayEvent.Accepted(message.id(), sender, message.recipients().size(), size));
        onAccepted.accept(message);
    }

    /** Writes a message the gateway makes itself. */
    @FunctionalInterface
    public interface MessageWriter {
        /** Writes the whole message. */
        void write(OutputStream out) throws IOException;
    }
}
