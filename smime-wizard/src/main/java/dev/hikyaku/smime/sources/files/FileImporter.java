package dev.hikyaku.smime.sources.files;

import dev.hikyaku.smime.certificate.CertificateBundle;
import dev.hikyaku.smime.contacts.ContactCertificates;
import dev.hikyaku.smime.contacts.ContactStoreException;
import dev.hikyaku.smime.contacts.OfferOutcome;
import dev.hikyaku.smime.contacts.Source;
import dev.hikyaku.smime.sources.SignedMailHarvester;
import dev.hikyaku.smime.sources.SourceReport;
import dev.hikyaku.smime.text.Notice;
import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Contacts' certificates from files the user drops on the app: signed messages (.eml), signatures and signed
 * messages (.p7s, .p7m), and certificates (.cer, .crt, .pem, .der, .p7b, .p7c; DER or PEM, several in one file).
 * The form is told by the content, not by the name, since saved attachments are often misnamed. A signed message
 * is verified and its signer's certificates offered as signed mail; a bare certificate is offered as a file import,
 * and the store trusts it only when it chains to a trusted root.
 */
public final class FileImporter {
    /** Files larger than this are refused unread: the gateway's own default limit for one message. */
    public static final long MAX_FILE_BYTES = 64L * 1024 * 1024;
    private static final Pattern HEADER_LINE = Pattern.compile("^[!-9;-~]{1,76}:");

    private final ContactCertificates contacts;
    private final SignedMailHarvester harvester;
    private final Clock clock;

    /** An importer offering to the store, verifying signed messages with the harvester. */
    public FileImporter(ContactCertificates contacts, SignedMailHarvester harvester, Clock clock) {
        this.contacts = contacts;
        this.harvester = harvester;
        this.clock = clock;
    }

    /** Reads the file (at most {@link #MAX_FILE_BYTES}) and offers what it holds. */
    public SourceReport importFile(Path file) throws ContactStoreException {
        String name = String.valueOf(file.getFileName());
        byte[] content;
        try (InputStream in = Files.newInputStream(file)) {
            if (Files.size(file) > MAX_FILE_BYTES) {
                return SourceReport.failed(name, Notice.of("sources.file.tooLarge", name, MAX_FILE_BYTES / (1024 * 1024)));
            }
            // Bounded again: the file may grow between the size check and the read.
            content = in.readNBytes((int) MAX_FILE_BYTES + 1);
        } catch (IOException e) {
            return SourceReport.failed(name, Notice.of("sources.file.unreadable", name));
        }
        return importBytes(name, content);
    }

    /**
     * Offers what the bytes hold.
     *
     * @param fileName the name to show and to record as the source
     */
    public SourceReport importBytes(String fileName, byte[] content) throws ContactStoreException {
        if (content.length == 0) {
            return SourceReport.failed(fileName, Notice.of("sources.file.empty", fileName));
        }
        if (content.length > MAX_FILE_BYTES) {
            return SourceReport.failed(fileName, Notice.of("sources.file.tooLarge", fileName, MAX_FILE_BYTES / (1024 * 1024)));
        }
        CertificateBundle bundle = CertificateBundle.read(content);
        return switch (bundle.kind()) {
            case CERTIFICATES -> offerCertificates(fileName, bundle.certificates());
            case SIGNED_CONTENT -> harvester.harvestEntity(fileName, opaqueSigned(bundle.signedData()));
            case ENCRYPTED -> SourceReport.failed(fileName, Notice.of("sources.file.encrypted", fileName));
            case UNREADABLE -> looksLikeMessage(content) ? harvestMessage(fileName, content)
                    : SourceReport.failed(fileName, Notice.of("sources.file.unrecognised", fileName));
        };
    }

    private SourceReport offerCertificates(String fileName, List<X509Certificate> certificates)
            throws ContactStoreException {
        List<X509Certificate> authorities = certificates.stream().filter(CertificateBundle::isAuthority).toList();
        List<X509Certificate> leaves = certificates.stream().filter(c -> !CertificateBundle.isAuthority(c)).toList();
        if (leaves.isEmpty()) {
            return SourceReport.failed(fileName, Notice.of("sources.file.onlyAuthorities", fileName));
        }
        List<OfferOutcome> offered = new ArrayList<>();
        List<Notice> problems = new ArrayList<>();
        Source source = new Source.FileImport(fileName);
        for (X509Certificate leaf : leaves) {
            List<X509Certificate> chain = new ArrayList<>(List.of(leaf));
            chain.addAll(authorities);
            OfferOutcome outcome = contacts.offer(chain.toArray(X509Certificate[]::new), source, clock.instant());
            offered.add(outcome);
            outcome.reason().ifPresent(problems::add);
        }
        return new SourceReport(fileName, offered, problems);
    }

    private static MimeBodyPart opaqueSigned(byte[] signedData) {
        try {
            MimeBodyPart part = new MimeBodyPart();
            String type = "application/pkcs7-mime; smime-type=signed-data; name=smime.p7m";
            part.setDataHandler(new DataHandler(new ByteArrayDataSource(signedData, type)));
            part.setHeader("Content-Type", type);
            return part;
        } catch (MessagingException e) {
            throw new IllegalStateException("an in-memory body part cannot fail", e);
        }
    }

    private static boolean looksLikeMessage(byte[] content) {
        String start = new String(content, 0, Math.min(content.length, 200), StandardCharsets.ISO_8859_1);
        return HEADER_LINE.matcher(start).find();
    }

    private SourceReport harvestMessage(String fileName, byte[] content) throws ContactStoreException {
        MimeMessage message;
        try {
            message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(content));
        } catch (MessagingException | RuntimeException e) {
            return SourceReport.failed(fileName, Notice.of("sources.messageUnreadable"));
        }
        return harvester.harvest(fileName, message);
    }
}
