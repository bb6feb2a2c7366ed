package dev.hikyaku.gateway.notice;

import dev.hikyaku.gateway.guard.Reason;
import dev.hikyaku.gateway.queue.RecipientStatus;
import dev.hikyaku.gateway.text.GatewayText;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.function.Function;

/**
 * The message that tells a sender which recipients could not be reached and why, or which guard rules stopped
 * the message, in Japanese and English, sent back to the sender's own mailbox (or the sandbox outbox).
 */
public final class FailureNotice {
    private static final int MAX_HEADER_BYTES = 256 * 1024;

    private final Clock clock;

    /** Notices dated by {@code clock}. */
    public FailureNotice(Clock clock) {
        this.clock = clock;
    }

    /** Writes the notice about {@code original} to {@code sender}, listing the {@code failed} recipients. */
    public void write(Path original, String sender, List<RecipientStatus> failed, OutputStream out) throws IOException {
        write(original, sender, "notice", locale -> {
            StringBuilder lines = new StringBuilder();
            for (RecipientStatus recipient : failed) {
                lines.append("  ").append(recipient.address()).append("\r\n    ")
                        .append(GatewayText.format(locale, "notice.reason", recipient.detail())).append("\r\n");
            }
            return lines;
        }, out);
    }

    /** Writes the notice that {@code original} was not sent at all because guard rules refused it, naming each. */
    public void writeRefusal(Path original, String sender, List<Reason> reasons, OutputStream out) throws IOException {
        write(original, sender, "guard.notice", locale -> {
            StringBuilder lines = new StringBuilder();
            for (Reason reason : reasons) {
                lines.append("  - ").append(reason.render(locale)).append("\r\n");
            }
            return lines;
        }, out);
    }

    private void write(Path original, String sender, String keys, Function<Locale, CharSequence> lines,
                       OutputStream out) throws IOException {
        String subject = originalSubject(original);
        StringBuilder body = new StringBuilder();
        for (Locale locale : List.of(Locale.JAPANESE, Locale.ENGLISH)) {
            body.append(GatewayText.format(locale, keys + ".intro", subject)).append("\r\n\r\n");
            body.append(lines.apply(locale));
            body.append("\r\n").append(GatewayText.format(locale, keys + ".advice")).append("\r\n\r\n");
        }
        try {
            MimeMessage notice = new MimeMessage(Session.getInstance(new Properties()));
            notice.setFrom("Hikyaku <" + sender + ">");
            notice.setRecipients(Message.RecipientType.TO, sender);
            notice.setSubject(GatewayText.format(Locale.JAPANESE, keys + ".subject", subject) + " / "
                    + GatewayText.format(Locale.ENGLISH, keys + ".subject", subject), "UTF-8");
            notice.setSentDate(Date.from(clock.instant()));
            notice.setHeader("Auto-Submitted", "auto-replied");
            notice.setText(body.toString(), "UTF-8");
            notice.saveChanges();
            notice.writeTo(out);
        } catch (MessagingException e) {
            throw new IOException("cannot write the notice: " + e.getMessage(), e);
        }
    }

    private static String originalSubject(Path original) {
        try (InputStream in = Files.newInputStream(original)) {
            // Only the header block is wanted; a hostile file cannot make us read more than this.
            InternetHeaders headers = new InternetHeaders(new ByteArrayInputStream(in.readNBytes(MAX_HEADER_BYTES)));
            String raw = headers.getHeader("Subject", " ");
            return raw == null ? "" : MimeUtility.decodeText(MimeUtility.unfold(raw));
        } catch (IOException | MessagingException e) {
            return "";
        }
    }
}
