package dev.hikyaku.gateway.events;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** Something the gateway did that the app shows and the log records. None carries a body or a secret. */
public sealed interface GatewayEvent {

    /** The listener accepts connections on {@code address}. */
    record Listening(InetSocketAddress address, boolean implicitTls) implements GatewayEvent {
    }

    /** The listener's certificate for localhost, so the user can check it in the mail client. */
    record ListenerCertificate(String sha256Fingerprint, boolean createdNow) implements GatewayEvent {
    }

    /** A message was written to disk and the client got its 250. */
    record Accepted(String messageId, String sender, int recipients, long size) implements GatewayEvent {
    }

    /** The TLS verdict for one recipient domain of a message is known. */
    record VerdictKnown(String messageId, String domain, String level, String reason) implements GatewayEvent {
    }

    /**
     * A message's plan is made: its recipient groups ({@code domain level action xN}) and the guard rules that fired.
     */
    record Planned(String messageId, List<String> groups, List<String> rules) implements GatewayEvent {
    }

    /** A group's copy of a message was made as its plan says ({@code action}); the archive keeps it. */
    record Packaged(String messageId, String label, List<String> recipients, String action, Path file)
            implements GatewayEvent {
    }

    /**
     * A fresh passphrase protects the zip sent to these recipients: the app shows it to the sender to pass on by
     * phone or chat (it is kept, encrypted, as the passphrase agreed with each of them; never in an event or log).
     */
    record PassphraseIssued(String messageId, List<String> recipients) implements GatewayEvent {
    }

    /** Some recipients of a message wait for the sender: a decision on their group, or confirmations. */
    record AwaitingSender(String messageId, List<String> recipients) implements GatewayEvent {
    }

    /** Guard rules stopped a whole message; it went back to the sender with the rules that hit. */
    record Refused(String messageId, List<String> rules) implements GatewayEvent {
    }

    /** A message waits for its hold to end. */
    record Held(String messageId, Instant until) implements GatewayEvent {
    }

    /** A message's time passed long ago (the PC slept); it waits for the user's decision. */
    record Overdue(String messageId, Instant wasDue) implements GatewayEvent {
    }

    /** Queued mail waits for the password of {@code user} (after a restart nothing is kept on disk). */
    record WaitingForCredentials(String user) implements GatewayEvent {
    }

    /** The upstream accepted a message for these recipients. */
    record Delivered(String messageId, List<String> recipients, boolean requireTls) implements GatewayEvent {
    }

    /** The upstream deferred (or could not be reached); a retry is planned. */
    record Deferred(String messageId, List<String> recipients, String reason, Instant retryAt) implements GatewayEvent {
    }

    /** Delivery failed for good for these recipients; a notice goes to the sender. */
    record Failed(String messageId, List<String> recipients, String reason) implements GatewayEvent {
    }

    /** Every recipient of a message is settled (sent, failed or cancelled); it leaves the queue for the archive. */
    record Finished(String messageId) implements GatewayEvent {
    }

    /** The user cancelled a message. */
    record Cancelled(String messageId, int recipients) implements GatewayEvent {
    }

    /** A message went into the sandbox outbox instead of a real server. */
    record Sandboxed(String messageId, String file) implements GatewayEvent {
    }

    /** After a restart: how much was resumed. */
    record Resumed(int messages, int recipientsBackToHeld, int unfinishedDiscarded) implements GatewayEvent {
    }

    /** Something went wrong that the user should know about; the gateway keeps running. */
    record Problem(String what, String detail) implements GatewayEvent {
    }

    /**
     * Message {@code messageId} needs the user's S/MIME keys (to sign as {@code address}, or to make an encrypted
     * forward readable) and the identity store is locked: the app asks for its password. Once per message.
     */
    record IdentityLocked(String messageId, String address) implements GatewayEvent {
    }

    /**
     * Message {@code messageId} should be signed as {@code address} but no identity can sign now (expired, missing):
     * it waits for the sender, who may send it unsigned. {@code reason} is in Japanese and English.
     */
    record SignatureUnavailable(String messageId, String address, String reason) implements GatewayEvent {
    }

    /** The certificate of {@code address}, from signed mail passing through, went into the contacts' store. */
    record CertificateHarvested(String messageId, String address) implements GatewayEvent {
    }
}
