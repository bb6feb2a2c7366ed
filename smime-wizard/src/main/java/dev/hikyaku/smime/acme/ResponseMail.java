package dev.hikyaku.smime.acme;

import dev.hikyaku.smime.request.EmailAddress;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Date;
import java.util.HexFormat;
import java.util.Properties;

/**
 * The response to a challenge mail (RFC 8823 section 3.2): from the user's address to the challenge's sender,
 * {@code Re: ACME: <token-part1>}, In-Reply-To the challenge, and the key authorization digest between the ACME
 * RESPONSE lines. The user's provider signs it on the way out (DKIM), which is what the CA checks.
 */
public final class ResponseMail {
    private static final int LINE_LENGTH = 72;

    private ResponseMail() {
    }

    /** The response as bytes to submit, with a fresh Message-ID under the user's domain. */
    public static byte[] write(ChallengeMail challenge, EmailAddress account, String digest, Clock clock, SecureRandom random)
            throws IOException {
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
            message.setFrom(new InternetAddress(account.toString()));
            for (String recipient : challenge.replyTo()) {
                message.addRecipient(MimeMessage.RecipientType.TO, new InternetAddress(recipient));
            }
            message.setSubject("Re: ACME: " + challenge.tokenPart1(), "US-ASCII");
            message.setSentDate(Date.from(clock.instant()));
            if (challenge.messageId().isPresent()) {
                message.setHeader("In-Reply-To", challenge.messageId().get());
            }
            StringBuilder body = new StringBuilder("-----BEGIN ACME RESPONSE-----\r\n");
            for (int start = 0; start < digest.length(); start += LINE_LENGTH) {
                body.append(digest, start, Math.min(digest.length(), start + LINE_LENGTH)).append("\r\n");
            }
            body.append("-----END ACME RESPONSE-----\r\n");
            message.setText(body.toString(), "US-ASCII");
            message.saveChanges();
            // The default Message-ID names this PC; one under the user's own domain tells nobody anything.
            byte[] unique = new byte[16];
            random.nextBytes(unique);
            message.setHeader("Message-ID", "<" + HexFormat.of().formatHex(unique) + "@" + account.domain() + ">");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message.writeTo(out);
            return out.toByteArray();
        } catch (MessagingException e) {
            throw new IOException("cannot write the response mail", e);
        }
    }
}
