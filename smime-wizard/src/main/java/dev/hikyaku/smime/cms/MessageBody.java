package dev.hikyaku.smime.cms;

import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.SharedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Enumeration;
import java.util.Locale;

/**
 * Moves a message's body in and out of S/MIME: the entity to sign or encrypt is the body with its Content-*
 * headers; the result goes back under the original's other headers (From, To, Subject, Date, Message-ID...).
 */
public final class MessageBody {

    private MessageBody() {
    }

    /**
     * The message's body as a body part. A message read from a {@link SharedInputStream} (a spool file opened with
     * {@code SharedFileInputStream}) gives a part that reads the file when written, so a large body is not copied
     * into memory.
     */
    public static MimeBodyPart of(MimeMessage message) throws MessagingException {
        InternetHeaders headers = new InternetHeaders();
        for (Enumeration<Header> all = message.getAllHeaders(); all.hasMoreElements(); ) {
            Header header = all.nextElement();
            if (isContentHeader(header.getName())) {
                headers.addHeader(header.getName(), header.getValue());
            }
        }
        if (headers.getHeader("Content-Type") == null) {
            headers.setHeader("Content-Type", "text/plain; charset=us-ascii");
        }
        InputStream raw = message.getRawInputStream();
        if (raw instanceof SharedInputStream) {
            return new StreamedBodyPart(headers, raw);
        }
        try (InputStream in = raw) {
            return new MimeBodyPart(headers, in.readAllBytes());
        } catch (IOException e) {
            throw new MessagingException("cannot read the message body", e);
        }
    }

    /**
     * A new message with the original's headers other than Content-* and the given body (a signed or encrypted
     * entity); the Message-ID is kept.
     */
    public static MimeMessage wrap(MimeMessage original, MimeBodyPart body, Session session) throws MessagingException {
        MimeMessage wrapped = new KeptIdMessage(session);
        for (Enumeration<Header> all = original.getAllHeaders(); all.hasMoreElements(); ) {
            Header header = all.nextElement();
            if (!isContentHeader(header.getName()) && !header.getName().equalsIgnoreCase("MIME-Version")) {
                wrapped.addHeader(header.getName(), header.getValue());
            }
        }
        wrapped.setDataHandler(body.getDataHandler());
        for (Enumeration<Header> all = body.getAllHeaders(); all.hasMoreElements(); ) {
            Header header = all.nextElement();
            if (isContentHeader(header.getName())) {
                wrapped.setHeader(header.getName(), header.getValue());
            }
        }
        wrapped.saveChanges();
        return wrapped;
    }

    private static boolean isContentHeader(String name) {
        return name.toLowerCase(Locale.ROOT).startsWith("content-");
    }

    /** A body part whose content stays in the shared stream it came from. */
    private static final class StreamedBodyPart extends MimeBodyPart {
        StreamedBodyPart(InternetHeaders headers, InputStream content) {
            this.headers = headers;
            this.contentStream = content;
        }
    }

    /** A message that keeps the original's Message-ID instead of making a new one when saved. */
    private static final class KeptIdMessage extends MimeMessage {
        KeptIdMessage(Session session) {
            super(session);
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            if (getHeader("Message-ID") == null) {
                super.updateMessageID();
            }
        }
    }
}
