package dev.hikyaku.gateway.smtp;

import java.time.Duration;
import java.util.Objects;

/**
 * The bounds the listener holds every client to, so that no client can make it buffer, wait or work without end.
 * Line lengths count the closing CRLF, as RFC 5321 section 4.5.3.1 does.
 *
 * @param maxCommandLine  longest command line in octets (RFC 5321: 512)
 * @param maxAuthLine     longest AUTH command or SASL response line in octets; XOAUTH2 tokens run to kilobytes
 * @param maxDataLine     longest line of message text in octets (RFC 5321: 1000)
 * @param maxMessageSize  largest message in octets after dot-unstuffing; announced in EHLO {@code SIZE} and
 *                        enforced by counting
 * @param maxRecipients   most RCPT TO accepted for one message
 * @param maxCommands     most command lines in one session
 * @param idleTimeout     how long the listener waits for the client's next bytes before it hangs up
 * @param maxSessions     most sessions served at the same time; more are refused with {@code 421}
 * @param maxAuthFailures failed AUTH attempts after which the session is closed
 * @param greetingWait    how long a plain connection is watched for a client that talks before the greeting
 *                        (like Postfix {@code postscreen_greet_wait}); zero, and implicit TLS, only check what
 *                        has already arrived
 */
public record SmtpLimits(int maxCommandLine, int maxAuthLine, int maxDataLine, long maxMessageSize,
                         int maxRecipients, int maxCommands, Duration idleTimeout, int maxSessions,
                         int maxAuthFailures, Duration greetingWait) {

    /** The smallest line limit accepted: below it ordinary commands and header lines would not fit. */
    private static final int MIN_LINE = 100;

    /** Validated limits. */
    public SmtpLimits {
        if (maxCommandLine < MIN_LINE || maxAuthLine < maxCommandLine || maxDataLine < MIN_LINE) {
            throw new IllegalArgumentException("line limits must be at least " + MIN_LINE
                    + " octets and the AUTH line limit at least the command line limit");
        }
        if (maxMessageSize < 1 || maxRecipients < 1 || maxCommands < 1 || maxSessions < 1 || maxAuthFailures < 1) {
            throw new IllegalArgumentException("size and count limits must be positive");
        }
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(greetingWait, "greetingWait");
        if (idleTimeout.isNegative() || idleTimeout.isZero() || greetingWait.isNegative()) {
            throw new IllegalArgumentException("the idle timeout must be positive and the greeting wait not negative");
        }
    }

    /**
     * RFC 5321's line lengths, 12288-octet AUTH lines, 64 MiB messages, 1000 recipients, 10000 commands,
     * five minutes idle, 32 sessions, 3 failed AUTH attempts and no greeting wait (the clients are local).
     */
    public static SmtpLimits defaults() {
        return new SmtpLimits(512, 12_288, 1000, 64L * 1024 * 1024, 1000, 10_000, Duration.ofMinutes(5), 32, 3,
                Duration.ZERO);
    }

    /** These limits with another message size limit. */
    public SmtpLimits withMaxMessageSize(long bytes) {
        return new SmtpLimits(maxCommandLine, maxAuthLine, maxDataLine, bytes, maxRecipients, maxCommands,
                idleTimeout, maxSessions, maxAuthFailures, greetingWait);
    }

    /** These limits with another recipient limit. */
    public SmtpLimits withMaxRecipients(int count) {
        return new SmtpLimits(maxCommandLine, maxAuthLine, maxDataLine, maxMessageSize, count, maxCommands,
                idleTimeout, maxSessions, maxAuthFailures, greetingWait);
    }

    /** These limits with another command limit. */
    public SmtpLimits withMaxCommands(int count) {
        return new SmtpLimits(maxCommandLine, maxAuthLine, maxDataLine, maxMessageSize, maxRecipients, count,
                idleTimeout, maxSessions, maxAuthFailures, greetingWait);
    }

    /** These limits with another idle timeout. */
    public SmtpLimits withIdleTimeout(Duration timeout) {
        return new SmtpLimits(maxCommandLine, maxAuthLine, maxDataLine, maxMessageSize, maxRecipients, maxCommands,
                timeout, maxSessions, maxAuthFailures, greetingWait);
    }

    /** These limits with another session limit. */
    public SmtpLimits withMaxSessions(int count) {
        return new SmtpLimits(maxCommandLine, maxAuthLine, maxDataLine, maxMessageSize, maxRecipients, maxCommands,
                idleTimeout, count, maxAuthFailures, greetingWait);
    }

    /** These limits with another greeting wait. */
    public SmtpLimits withGreetingWait(Duration wait) {
        return new SmtpLimits(maxCommandLine, maxAuthLine, maxDataLine, maxMessageSize, maxRecipients, maxCommands,
                idleTimeout, maxSessions, maxAuthFailures, wait);
    }
}
