package dev.hikyaku.smime.acme;

import dev.hikyaku.smime.cms.SmimeException;
import dev.hikyaku.smime.cms.SmimeVerifier;
import dev.hikyaku.smime.cms.VerificationReport;
import dev.hikyaku.smime.request.EmailAddress;
import dev.hikyaku.smime.text.Notice;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CA's challenge mail (RFC 8823 section 3.1), as the user drops or pastes it from the mailbox, checked to be an
 * ACME challenge for this order: auto-generated, from the challenge's sender, to the user's address, with token
 * part 1 in the subject, and a valid S/MIME signature when it is signed.
 *
 * @param tokenPart1        the token part from the subject, white space removed
 * @param replyTo           where the response goes: Reply-To when given, else From
 * @param messageId         the challenge's Message-ID, for In-Reply-To
 * @param signatureVerified whether it carried an S/MIME signature that verified (else only its provider's DKIM check
 *                          vouches for it)
 */
public record ChallengeMail(String tokenPart1, List<String> replyTo, Optional<String> messageId, boolean signatureVerified) {
    /** Larger files are not a challenge mail and are refused unread. */
    public static final int MAX_BYTES = 256 * 1024;
    private static final Pattern SUBJECT = Pattern.compile("\\s*ACME:\\s+([A-Za-z0-9_\\-\\s]{16,512}?)\\s*");

    /** Copies the list. */
    public ChallengeMail {
        replyTo = List.copyOf(replyTo);
    }

    /**
     * Reads and checks the mail.
     *
     * @param content        the .eml as received
     * @param account        whose certificate is ordered
     * @param expectedSender the challenge's {@code from}
     * @param verifier       checks an S/MIME signature
     */
    public static ChallengeMail read(byte[] content, EmailAddress account, String expectedSender, SmimeVerifier verifier)
            throws AcmeStepException {
        if (content.length > MAX_BYTES) {
            throw refused("acme.challenge.notAcme");
        }
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(content));
            String autoSubmitted = Optional.ofNullable(message.getHeader("Auto-Submitted", null)).orElse("");
            Matcher subject = SUBJECT.matcher(Optional.ofNullable(message.getSubject()).orElse(""));
            if (!autoSubmitted.strip().toLowerCase(Locale.ROOT).startsWith("auto-generated") || !subject.matches()) {
                throw refused("acme.challenge.notAcme");
            }
            List<String> from = addresses(message.getFrom());
            if (from.size() != 1 || !from.get(0).equalsIgnoreCase(expectedSender)) {
                throw refused("acme.challenge.wrongSender", expectedSender);
            }
            String to = account.toString();
            if (addresses(message.getRecipients(MimeMessage.RecipientType.TO)).stream().noneMatch(to::equalsIgnoreCase)) {
                throw refused("acme.challenge.wrongRecipient", to);
            }
            List<String> replyTo = message.getHeader("Reply-To") == null ? from : addresses(message.getReplyTo());
            boolean verified = false;
            if (SmimeVerifier.isSigned(message)) {
                VerificationReport report = verifier.verify(message, Optional.of(expectedSender));
                if (!report.valid()) {
                    throw refused("acme.challenge.badSignature");
                }
                verified = true;
            }
            return new ChallengeMail(subject.group(1).replaceAll("\\s+", ""), replyTo,
                    Optional.ofNullable(message.getMessageID()).filter(id -> id.matches("<[\\x21-\\x7e]{1,250}>")), verified);
        } catch (MessagingException | SmimeException | RuntimeException e) {
            throw new AcmeStepException(Notice.of("acme.challenge.notAcme"), e);
        }
    }

    private static List<String> addresses(Address[] addresses) {
        return addresses == null ? List.of() : Arrays.stream(addresses)
                .filter(InternetAddress.class::isInstance).map(address -> ((InternetAddress) address).getAddress())
                .filter(address -> address != null && address.matches("[\\x21-\\x7e]{3,254}")).toList();
    }

    private static AcmeStepException refused(String key, Object... arguments) {
        return new AcmeStepException(Notice.of(key, arguments), null);
    }
}
