package dev.hikyaku.smime.sources.smimea;

import dev.hikyaku.smime.certificate.MailCertificate;
import dev.hikyaku.smime.contacts.ContactCertificates;
import dev.hikyaku.smime.contacts.ContactStoreException;
import dev.hikyaku.smime.contacts.OfferOutcome;
import dev.hikyaku.smime.contacts.Source;
import dev.hikyaku.smime.request.EmailAddress;
import dev.hikyaku.smime.request.RequestRejectedException;
import dev.hikyaku.smime.sources.SourceReport;
import dev.hikyaku.smime.text.Notice;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SMIMEARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TLSARecord;
import org.xbill.DNS.Type;
import org.xbill.DNS.dnssec.ValidatingResolver;

/**
 * Looks a mailbox's certificate up in DNS (SMIMEA, RFC 8162) and offers it to the contact store. Only answers that
 * DNSSEC proves count: an unsigned zone is ignored and a forged (bogus) answer is refused. Only DANE-EE records
 * (usage 3) carrying the full certificate (selector 0, matching type 0) give a certificate that DNS alone vouches
 * for; PKIX and trust-anchor usages (0, 1, 2) also need the certificate's CA chain, and digests name a certificate
 * without holding it, so those are reported, not offered.
 */
public final class SmimeaLookup {
    private static final String ROOT_ANCHORS = "root-anchors.txt";

    private final ContactCertificates contacts;
    private final SimpleResolver head;
    private final ValidatingResolver resolver;
    private final Clock clock;

    /**
     * A look-up through the resolver at the endpoint.
     *
     * @param trustAnchors DS or DNSKEY lines in zone-file syntax where validation starts; {@link #ianaRoot()} in use
     * @param timeout      how long one question may take
     */
    public SmimeaLookup(ContactCertificates contacts, InetSocketAddress resolverEndpoint, String trustAnchors,
            Clock clock, Duration timeout) {
        this.contacts = contacts;
        this.clock = clock;
        this.head = new SimpleResolver(resolverEndpoint);
        head.setTimeout(timeout);
        this.resolver = new ValidatingResolver(head, clock);
        resolver.setTimeout(timeout);
        try {
            resolver.loadTrustAnchors(new ByteArrayInputStream(trustAnchors.getBytes(StandardCharsets.US_ASCII)));
        } catch (IOException e) {
            throw new UncheckedIOException("the trust anchors are not zone-file lines", e);
        }
    }

    /** The DNS root's key-signing keys as IANA publishes them (KSK-2017 and KSK-2024). */
    public static String ianaRoot() {
        try (InputStream in = SmimeaLookup.class.getResourceAsStream(ROOT_ANCHORS)) {
            if (in == null) {
                throw new IllegalStateException(ROOT_ANCHORS + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asks DNS for the address's SMIMEA records and offers every certificate DNSSEC vouches for. */
    public SourceReport lookup(String address) throws ContactStoreException {
        EmailAddress mailbox;
        try {
            mailbox = EmailAddress.parse(address);
        } catch (RequestRejectedException e) {
            return SourceReport.failed(address, Notice.of(e.messageKey(), address));
        }
        Name name = SmimeaName.of(mailbox);
        Record question = Record.newRecord(name, Type.SMIMEA, DClass.IN);
        Message response;
        try {
            response = resolver.send(Message.newQuery(question));
        } catch (IOException e) {
            return SourceReport.failed(address, Notice.of("sources.smimea.failed", mailbox.domain()));
        }
        boolean secure = response.getHeader().getFlag(Flags.AD);
        return switch (response.getRcode()) {
            case Rcode.NOERROR -> {
                List<SMIMEARecord> records = response.getSection(Section.ANSWER).stream()
                        .filter(SMIMEARecord.class::isInstance).map(SMIMEARecord.class::cast).toList();
                if (records.isEmpty()) {
                    yield SourceReport.failed(address, Notice.of("sources.smimea.none", address));
                }
                yield secure ? offer(mailbox, records)
                        : SourceReport.failed(address, Notice.of("sources.smimea.insecure", mailbox.domain()));
            }
            case Rcode.NXDOMAIN -> SourceReport.failed(address, Notice.of("sources.smimea.none", address));
            case Rcode.SERVFAIL -> SourceReport.failed(address, answersWithoutChecking(question)
                    ? Notice.of("sources.smimea.bogus", mailbox.domain())
                    : Notice.of("sources.smimea.failed", mailbox.domain()));
            default -> SourceReport.failed(address, Notice.of("sources.smimea.failed", mailbox.domain()));
        };
    }

    private SourceReport offer(EmailAddress mailbox, List<SMIMEARecord> records) throws ContactStoreException {
        String address = mailbox.toString();
        List<OfferOutcome> offered = new ArrayList<>();
        List<Notice> problems = new ArrayList<>();
        for (SMIMEARecord record : records) {
            if (record.getCertificateUsage() != TLSARecord.CertificateUsage.DOMAIN_ISSUED_CERTIFICATE) {
                problems.add(Notice.of("sources.smimea.needsChain", address, record.getCertificateUsage()));
                continue;
            }
            if (record.getSelector() != TLSARecord.Selector.FULL_CERTIFICATE
                    || record.getMatchingType() != TLSARecord.MatchingType.EXACT) {
                problems.add(Notice.of("sources.smimea.digestOnly", address));
                continue;
            }
            X509Certificate certificate;
            try {
                certificate = MailCertificate.parse(record.getCertificateAssociationData()).certificate();
            } catch (CertificateException | RuntimeException e) {
                problems.add(Notice.of("sources.smimea.badCertificate", address));
                continue;
            }
            if (!new MailCertificate(certificate).names(address)) {
                problems.add(Notice.of("sources.smimea.otherAddress", address));
                continue;
            }
            OfferOutcome outcome = contacts.offer(new X509Certificate[] {certificate}, new Source.Smimea(mailbox.domain()),
                    clock.instant());
            offered.add(outcome);
            outcome.reason().ifPresent(problems::add);
        }
        return new SourceReport(address, offered, problems);
    }

    /**
     * Whether the resolver answers when asked not to validate (the CD flag): the validator reports both a broken
     * upstream and a forged answer as SERVFAIL, and only a forgery still answers with checking disabled.
     */
    private boolean answersWithoutChecking(Record question) {
        Message query = Message.newQuery(question);
        query.getHeader().setFlag(Flags.CD);
        try {
            int rcode = head.send(query).getRcode();
            return rcode == Rcode.NOERROR || rcode == Rcode.NXDOMAIN;
        } catch (IOException e) {
            return false;
        }
    }
}
