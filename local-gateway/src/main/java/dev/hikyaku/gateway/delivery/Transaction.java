package dev.hikyaku.gateway.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/** One message over one connected transport, and what came of it for each recipient. */
final class Transaction {

    private final UpstreamSettings settings;
    private final UpstreamFailures failures;
    private final DeliveryRequest request;
    private final List<String> recipients;
    private final long size;
    private final TrackedTransport transport;
    private boolean connectionReusable = true;

    /**
     * @param recipients the request's recipients without repeats
     * @param size       the message file's size, announced as SIZE where the upstream takes it
     */
    Transaction(UpstreamSettings settings, UpstreamFailures failures, DeliveryRequest request, List<String> recipients,
            long size, TrackedTransport transport) {
        this.settings = settings;
        this.failures = failures;
        this.request = request;
        this.recipients = recipients;
        this.size = size;
        this.transport = transport;
    }

    /**
     * Sends the message and reports; empty when {@code reused} and the connection turned out broken before
     * the final dot, so the upstream kept nothing and a fresh connection may try again.
     */
    Optional<DeliveryReport> run(boolean reused) {
        Map<String, RecipientOutcome> outcomes = new LinkedHashMap<>();
        boolean asciiOnly = request.smtpUtf8() && !transport.supportsExtension("SMTPUTF8");
        List<String> sendable = new ArrayList<>();
        for (String recipient : recipients) {
            if (asciiOnly && !(isAscii(recipient) && isAscii(request.sender()))) {
                outcomes.put(recipient, needsSmtpUtf8());
            } else {
                sendable.add(recipient);
            }
        }
        if (sendable.isEmpty()) {
            return Optional.of(report(outcomes, false));
        }
        // RFC 8689: REQUIRETLS only over TLS, and only where offered; never a TLS-Required header instead.
        boolean requireTls = request.requireTls() && settings.security() != UpstreamSecurity.NONE
                && transport.supportsExtension("REQUIRETLS");
        FileMessage message = new FileMessage(transport.session(), request.messageFile(),
                request.sender().isEmpty() ? "<>" : request.sender(), mailParameters(requireTls));
        MessagingException failure = null;
        try {
            transport.send(message, addresses(sendable));
        } catch (MessagingException e) {
            failure = e;
        }
        boolean broke = failure != null && UpstreamFailures.connectionBroke(failure);
        connectionReusable = !broke && transport.isOpen();
        if (broke && reused && transport.phase() != TrackedTransport.Phase.FINAL_DOT) {
            return Optional.empty();
        }
        RecipientOutcome rest = overall(failure);
        // A message Hikyaku will not send is refused for everyone, whatever RCPT said.
        boolean refusedLocally = failure != null && UpstreamFailures.cause(failure, NulByteException.class).isPresent();
        List<UpstreamReply> replies = transport.recipientReplies();
        for (int i = 0; i < sendable.size(); i++) {
            boolean refusedAlone = !refusedLocally && i < replies.size() && !replies.get(i).positive();
            outcomes.put(sendable.get(i), refusedAlone ? failures.refusal(replies.get(i), unauthenticated()) : rest);
        }
        return Optional.of(report(outcomes, requireTls));
    }

    /** Whether the connection may carry the next message. */
    boolean connectionReusable() {
        return connectionReusable;
    }

    /** The outcome for every recipient the upstream did not refuse on its own at RCPT. */
    private RecipientOutcome overall(MessagingException failure) {
        if (failure == null) {
            return new RecipientOutcome.Accepted(transport.lastReply().line());
        }
        if (UpstreamFailures.cause(failure, NulByteException.class).isPresent()) {
            return new RecipientOutcome.Rejected(554, "5.6.0",
                    "Message refused: it contains a NUL byte, which mail must never carry");
        }
        Optional<MessageFileException> unreadable = UpstreamFailures.cause(failure, MessageFileException.class);
        if (unreadable.isPresent()) {
            return new RecipientOutcome.Deferred(UpstreamProblem.of("delivery.messageUnreadable",
                    unreadable.get().file(), unreadable.get().getCause().getMessage()), false);
        }
        if (failure instanceof SMTPSendFailedException smtp) {
            UpstreamReply reply = UpstreamReply.parse(smtp.getReturnCode(), smtp.getMessage());
            // Sent, with some recipients refused: Angus reports that as a failure whose reply is the 250.
            if (reply.positive()) {
                return new RecipientOutcome.Accepted(reply.line());
            }
            return failures.refusal(reply, unauthenticated());
        }
        return new RecipientOutcome.Deferred(failures.network(failure), false);
    }

    /** Whether this transaction runs without AUTH on an upstream that offers it. */
    private boolean unauthenticated() {
        return request.credentials().isEmpty() && transport.supportsExtension("AUTH");
    }

    private String mailParameters(boolean requireTls) {
        List<String> parameters = new ArrayList<>();
        if (transport.supportsExtension("SIZE")) {
            parameters.add("SIZE=" + size);
        }
        // Announced, never converted: the bytes go out as they are in the file.
        if (request.eightBitMime() && transport.supportsExtension("8BITMIME")) {
            parameters.add("BODY=8BITMIME");
        }
        if (requireTls) {
            parameters.add("REQUIRETLS");
        }
        return String.join(" ", parameters);
    }

    private DeliveryReport report(Map<String, RecipientOutcome> outcomes, boolean requireTls) {
        Map<String, RecipientOutcome> ordered = new LinkedHashMap<>();
        recipients.forEach(recipient -> ordered.put(recipient, outcomes.get(recipient)));
        return new DeliveryReport(ordered, requireTls);
    }

    private static RecipientOutcome needsSmtpUtf8() {
        return new RecipientOutcome.Rejected(553, "5.6.7",
                "The upstream server does not support SMTPUTF8, which this non-ASCII address needs");
    }

    private static InternetAddress[] addresses(List<String> recipients) {
        InternetAddress[] addresses = new InternetAddress[recipients.size()];
        for (int i = 0; i < addresses.length; i++) {
            // Not parsed: the request checked the address, and parsing could rewrite it.
            addresses[i] = new InternetAddress();
            addresses[i].setAddress(recipients.get(i));
        }
        return addresses;
    }

    private static boolean isAscii(String text) {
        return text.chars().allMatch(c -> c < 0x80);
    }
}
