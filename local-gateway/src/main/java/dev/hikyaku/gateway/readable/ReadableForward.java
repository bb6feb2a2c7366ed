package dev.hikyaku.gateway.readable;

import dev.hikyaku.gateway.guard.Reason;
import dev.hikyaku.gateway.plan.SmimeHandling;
import dev.hikyaku.smime.cms.KeyRing;
import dev.hikyaku.smime.cms.MessageBody;
import dev.hikyaku.smime.cms.SmimeDecryptor;
import dev.hikyaku.smime.cms.SmimeException;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.SharedFileInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * "Forward readable": finds S/MIME enveloped data in an outgoing message (the whole body, or attached messages) and
 * writes the message again with that content decrypted by any key the user ever had, so the new recipients can read
 * it once it is protected for them. Parts and depth are bounded like the harvester's: the message is hostile input.
 */
public final class ReadableForward {
    /** How deep parts and attached messages are searched. */
    public static final int MAX_DEPTH = 6;
    /** How many parts of one message are looked at. */
    public static final int MAX_PARTS = 200;

    /** What became of the encrypted content, with the note for the plan. */
    public record Outcome(SmimeHandling.Forward forward, Optional<Reason> note) {
    }

    /** Whether {@code message} (a spool file) holds S/MIME enveloped data the rule applies to. */
    public boolean containsEncrypted(Path message) throws IOException {
        Session session = Session.getInstance(new Properties());
        try (SharedFileInputStream in = new SharedFileInputStream(message.toFile())) {
            MimeMessage parsed = new MimeMessage(session, in);
            if (SmimeDecryptor.isEncrypted(parsed)) {
                return true;
            }
            return !attachedEncrypted(parsed).isEmpty();
        } catch (MessagingException | RuntimeException e) {
            // Unparsable structure: nothing recognisable to decrypt; the packager judges the message on its own.
            return false;
        }
    }

    /**
     * Writes {@code message} with its encrypted content decrypted by {@code keys} into {@code output}, when any key
     * opens it; otherwise writes nothing and says why.
     */
    public Outcome decrypt(Path message, KeyRing keys, Path output) throws IOException {
        Session session = Session.getInstance(new Properties());
        SmimeDecryptor decryptor = new SmimeDecryptor(keys);
        try (SharedFileInputStream in = new SharedFileInputStream(message.toFile())) {
            MimeMessage parsed = new KeptIdMessage(session, in);
            MimeMessage readable;
            int opened = 0;
            List<MimeBodyPart> attached = List.of();
            Optional<SmimeException> refusal = Optional.empty();
            if (SmimeDecryptor.isEncrypted(parsed)) {
                try {
                    readable = MessageBody.wrap(parsed, decryptor.decrypt(parsed), session);
                    opened = 1;
                } catch (SmimeException e) {
                    return unreadable(e);
                }
            } else {
                attached = attachedEncrypted(parsed);
                for (MimeBodyPart holder : attached) {
                    MimeMessage inner = (MimeMessage) holder.getContent();
                    try {
                        holder.setContent(MessageBody.wrap(inner, decryptor.decrypt(inner), session), "message/rfc822");
                        opened++;
                    } catch (SmimeException e) {
                        refusal = Optional.of(e);
                    }
                }
                readable = parsed;
                readable.saveChanges();
            }
            if (opened == 0) {
                return refusal.map(ReadableForward::unreadable).orElse(new Outcome(SmimeHandling.Forward.NONE,
                        Optional.empty()));
            }
            Path partial = output.resolveSibling(output.getFileName() + ".part");
            try (OutputStream out = Files.newOutputStream(partial)) {
                readable.writeTo(out);
            }
            Files.move(partial, output, StandardCopyOption.REPLACE_EXISTING);
            Optional<Reason> note = opened < Math.max(1, attached.size())
                    ? Optional.of(Reason.of("smime.note.partlyReadable", opened, attached.size()))
                    : Optional.of(Reason.of("smime.note.readable"));
            return new Outcome(SmimeHandling.Forward.READABLE, note);
        } catch (MessagingException | RuntimeException e) {
            return new Outcome(SmimeHandling.Forward.UNREADABLE, Optional.of(Reason.of("smime.note.unreadable",
                    String.valueOf(e.getMessage()))));
        }
    }

    private static Outcome unreadable(SmimeException e) {
        return new Outcome(SmimeHandling.Forward.UNREADABLE, Optional.of(Reason.of("smime.note.unreadable",
                e.notice().text(Locale.ENGLISH))));
    }

    /** The body parts holding an attached message whose body is encrypted. */
    private static List<MimeBodyPart> attachedEncrypted(MimeMessage message) throws MessagingException, IOException {
        List<MimeBodyPart> found = new ArrayList<>();
        collect(message, 0, new int[] {0}, found);
        return found;
    }

    private static void collect(Part part, int depth, int[] seen, List<MimeBodyPart> found)
            throws MessagingException, IOException {
        if (++seen[0] > MAX_PARTS || depth > MAX_DEPTH) {
            return;
        }
        if (part.isMimeType("multipart/*")) {
            Object content = part.getContent();
            if (content instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount() && seen[0] <= MAX_PARTS; i++) {
                    collect(multipart.getBodyPart(i), depth + 1, seen, found);
                }
            }
        } else if (part.isMimeType("message/rfc822") && part instanceof MimeBodyPart holder) {
            Object content = part.getContent();
            if (content instanceof MimeMessage attached) {
                if (SmimeDecryptor.isEncrypted(attached)) {
                    found.add(holder);
                } else {
                    collect(attached, depth + 1, seen, found);
                }
            }
        }
    }

    /** A message that keeps its Message-ID when saved: the forward is still the message the sender wrote. */
    private static final class KeptIdMessage extends MimeMessage {
        KeptIdMessage(Session session, SharedFileInputStream in) throws MessagingException {
            super(session, in);
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            if (getHeader("Message-ID") == null) {
                super.updateMessageID();
            }
        }
    }
}
