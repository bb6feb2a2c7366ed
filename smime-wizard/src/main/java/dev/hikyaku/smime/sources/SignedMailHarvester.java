package dev.hikyaku.smime.sources;

import dev.hikyaku.smime.cms.Finding;
import dev.hikyaku.smime.cms.SignerReport;
import dev.hikyaku.smime.cms.SmimeException;
import dev.hikyaku.smime.cms.SmimeVerifier;
import dev.hikyaku.smime.cms.VerificationReport;
import dev.hikyaku.smime.contacts.ContactCertificates;
import dev.hikyaku.smime.contacts.ContactStoreException;
import dev.hikyaku.smime.contacts.OfferOutcome;
import dev.hikyaku.smime.contacts.Source;
import dev.hikyaku.smime.text.Notice;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimePart;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Keeps the certificates of signed mail: finds the signed entities of a message (the message itself, or parts and
 * attached messages below it), verifies each, and offers the certificates of signatures that hold to the contact
 * store with what the signer advertised. A signature over changed content, or by a certificate for another address
 * than the From, gives nothing: its certificate may be anybody's.
 */
public final class SignedMailHarvester {
    /** How deep parts and attached messages are searched for signatures. */
    public static final int MAX_DEPTH = 6;
    /** How many parts of one message are looked at, so a message of a million empty parts costs little. */
    public static final int MAX_PARTS = 200;

    private final ContactCertificates contacts;
    private final SmimeVerifier verifier;

    /** A harvester offering to the store what the verifier accepts. */
    public SignedMailHarvester(ContactCertificates contacts, SmimeVerifier verifier) {
        this.contacts = contacts;
        this.verifier = verifier;
    }

    /**
     * Verifies every signed entity of the message and offers the signers' certificates.
     *
     * @param item what to call the message in the report (a file name, a folder and UID)
     */
    public SourceReport harvest(String item, MimeMessage message) throws ContactStoreException {
        List<OfferOutcome> offered = new ArrayList<>();
        List<Notice> problems = new ArrayList<>();
        List<Signed> signed = new ArrayList<>();
        try {
            collect(message, from(message), 0, new int[] {0}, signed);
        } catch (MessagingException | IOException | RuntimeException e) {
            // A hostile message can break the MIME parser anywhere; what was found before that is still used.
            problems.add(Notice.of("sources.messageUnreadable"));
        }
        if (signed.isEmpty() && problems.isEmpty()) {
            problems.add(Notice.of("sources.notSigned"));
        }
        for (Signed entity : signed) {
            harvestPart(entity.part(), entity.from(), offered, problems);
        }
        return new SourceReport(item, offered, problems);
    }

    /**
     * Verifies one signed entity whose sender is not known (an opaque .p7m saved from a message) and offers its
     * signers' certificates.
     */
    public SourceReport harvestEntity(String item, MimePart signed) throws ContactStoreException {
        List<OfferOutcome> offered = new ArrayList<>();
        List<Notice> problems = new ArrayList<>();
        harvestPart(signed, Optional.empty(), offered, problems);
        return new SourceReport(item, offered, problems);
    }

    private void harvestPart(MimePart part, Optional<String> from, List<OfferOutcome> offered, List<Notice> problems)
            throws ContactStoreException {
        VerificationReport report;
        try {
            report = verifier.verify(part, from);
        } catch (SmimeException e) {
            problems.add(e.notice());
            return;
        } catch (RuntimeException e) {
            problems.add(Notice.of("verify.unreadable"));
            return;
        }
        for (SignerReport signer : report.signers()) {
            List<Finding> disqualifying = signer.findings().stream()
                    .filter(finding -> finding == Finding.SIGNATURE_INVALID || finding == Finding.ADDRESS_MISMATCH
                            || finding == Finding.CERTIFICATE_MISSING)
                    .toList();
            if (!disqualifying.isEmpty() || signer.certificate().isEmpty()) {
                disqualifying.forEach(finding -> problems.add(Notice.of(finding.messageKey())));
                continue;
            }
            Source.SignedMail source = new Source.SignedMail(signer.capabilities());
            List<X509Certificate> chain = signer.chain();
            offered.add(contacts.offer(chain.toArray(X509Certificate[]::new), source, signer.signingTime()));
            Optional<X509Certificate> encryption = signer.encryptionCertificate()
                    .filter(certificate -> !certificate.equals(signer.certificate().get()));
            if (encryption.isPresent()) {
                List<X509Certificate> encryptionChain = new ArrayList<>(List.of(encryption.get()));
                encryptionChain.addAll(chain.subList(1, chain.size()));
                offered.add(contacts.offer(encryptionChain.toArray(X509Certificate[]::new), source, signer.signingTime()));
            }
        }
    }

    // Each signed entity is judged against the From of the message that holds it: a forwarded signed message
    // carries its own sender.
    private static void collect(Part part, Optional<String> from, int depth, int[] seen, List<Signed> signed)
            throws MessagingException, IOException {
        if (++seen[0] > MAX_PARTS || depth > MAX_DEPTH) {
            return;
        }
        if (part instanceof MimePart mime && SmimeVerifier.isSigned(part)) {
            signed.add(new Signed(mime, from));
            return;
        }
        if (part.isMimeType("multipart/*")) {
            Object content = part.getContent();
            if (content instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount() && seen[0] <= MAX_PARTS; i++) {
                    collect(multipart.getBodyPart(i), from, depth + 1, seen, signed);
                }
            }
        } else if (part.isMimeType("message/rfc822")) {
            Object content = part.getContent();
            if (content instanceof MimeMessage attached) {
                collect(attached, from(attached), depth + 1, seen, signed);
            }
        }
    }

    private record Signed(MimePart part, Optional<String> from) {
    }

    private static Optional<String> from(MimeMessage message) {
        try {
            Address[] from = message.getFrom();
            if (from != null && from.length == 1 && from[0] instanceof InternetAddress address) {
                return Optional.ofNullable(address.getAddress());
            }
        } catch (MessagingException | RuntimeException e) {
            // An unreadable From is no From: the address check is skipped rather than the signature.
        }
        return Optional.empty();
    }
}
