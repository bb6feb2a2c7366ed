package dev.hikyaku.gateway.smtp;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * The DATA command: opens the handler's spool entry, streams the message into it and commits it only when
 * every line passed; any refusal abandons the entry before the client hears of it.
 */
final class DataCommand {
    private static final System.Logger LOG = System.getLogger(DataCommand.class.getName());

    private final Conversation conversation;
    private final SubmissionHandler handler;
    private final SmtpLimits limits;

    DataCommand(Conversation conversation, SubmissionHandler handler, SmtpLimits limits) {
        this.conversation = conversation;
        this.handler = handler;
        this.limits = limits;
    }

    /** Receives one message for {@code envelope}; returns when the session may go on. */
    void run(Envelope envelope) throws IOException, SessionEnd {
        MessageSink sink = null;
        OutputStream body;
        try {
            sink = Objects.requireNonNull(handler.begin(envelope), "sink");
            body = Objects.requireNonNull(sink.body(), "body");
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "the submission handler could not open a message: {0}",
                    e.toString());
            if (sink != null) {
                abandon(sink);
            }
            conversation.reply(451, "4.3.0", "Cannot take the message now: the gateway's queue is not"
                    + " available. Try again later; your mail client keeps the message");
            return;
        }
        boolean settled = false;
        try {
            conversation.reply(354, "", "End data with <CR><LF>.<CR><LF>");
            MessageTarget target = new MessageTarget(body);
            DataOutcome outcome = new MessageReader(conversation.input(), limits.maxDataLine(),
                    limits.maxMessageSize()).read(target);
            settled = true;
            if (outcome == DataOutcome.COMPLETE && target.finish()) {
                commit(sink);
            } else {
                abandon(sink);
                refuse(outcome);
            }
        } finally {
            if (!settled) {
                abandon(sink);
            }
        }
    }

    private void commit(MessageSink sink) throws IOException {
        Reply reply;
        try {
            reply = Objects.requireNonNull(sink.commit(), "reply");
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "the submission handler could not commit a message: {0}",
                    e.toString());
            abandon(sink);
            conversation.reply(451, "4.3.0", "The message could not be saved in the gateway's queue."
                    + " Try again later; your mail client keeps the message");
            return;
        }
        conversation.reply(reply);
    }

    private void refuse(DataOutcome outcome) throws IOException, SessionEnd {
        switch (outcome) {
            case BARE_CR -> conversation.refuseBareLineEnding("<CR>");
            case BARE_LF -> conversation.refuseBareLineEnding("<LF>");
            case END_OF_STREAM -> throw new SessionEnd();
            case TOO_BIG -> conversation.reply(552, "5.3.4", "Message too big: the limit is "
                    + limits.maxMessageSize() + " bytes. It was not accepted");
            case CONTAINS_NUL -> conversation.reply(554, "5.6.0", "The message contains a NUL character,"
                    + " which SMTP does not allow. It was not accepted");
            case LINE_TOO_LONG -> conversation.reply(554, "5.6.0", "The message has a line longer than "
                    + limits.maxDataLine() + " octets (counting CRLF). It was not accepted; send long lines"
                    + " encoded (quoted-printable or base64)");
            // Read in full, but the handler's stream refused a write.
            case COMPLETE -> conversation.reply(451, "4.3.0", "The message could not be written to the"
                    + " gateway's queue. Try again later; your mail client keeps the message");
        }
    }

    private static void abandon(MessageSink sink) {
        try {
            sink.abandon();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "the submission handler failed to abandon a message: {0}",
                    e.toString());
        }
    }
}
