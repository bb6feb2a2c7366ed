package dev.hikyaku.advisor.dnssec;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.dnssec.ValidatingResolver;

/**
 * Asks one resolver (injected, never a global default) and validates every answer with dnsjava's DNSSEC
 * validator, so each answer says whether it is proven, merely unsigned, or forged.
 */
public final class ValidatingDns {
    private final SimpleResolver head;
    private final ValidatingResolver resolver;

    /**
     * A client of the resolver at {@code endpoint}.
     *
     * @param anchors where validation starts
     * @param timeout how long one question may take
     */
    public ValidatingDns(InetSocketAddress endpoint, TrustAnchors anchors, Clock clock, Duration timeout) {
        head = new SimpleResolver(endpoint);
        head.setTimeout(timeout);
        resolver = new ValidatingResolver(head, clock);
        resolver.setTimeout(timeout);
        resolver.setAddReasonToAdditional(true);
        try {
            resolver.loadTrustAnchors(anchors.open());
        } catch (IOException e) {
            throw new UncheckedIOException("trust anchors are unreadable", e);
        }
    }

    /** Asks for {@code type} records of {@code name}; CNAMEs are followed by the resolver. */
    public DnsAnswer query(Name name, int type) {
        Record question = Record.newRecord(name, type, DClass.IN);
        Message response;
        try {
            response = resolver.send(Message.newQuery(question));
        } catch (IOException e) {
            return new DnsAnswer.Failed(e instanceof InterruptedIOException
                    ? "the DNS resolver did not answer in time"
                    : "no answer from the DNS resolver (" + e + ")");
        }
        boolean secure = response.getHeader().getFlag(Flags.AD);
        return switch (response.getRcode()) {
            case Rcode.NOERROR -> {
                List<Record> records = response.getSection(Section.ANSWER).stream()
                        .filter(record -> record.getType() == type)
                        .toList();
                yield records.isEmpty() ? new DnsAnswer.NoData(secure) : new DnsAnswer.Found(records, secure);
            }
            case Rcode.NXDOMAIN -> new DnsAnswer.NoSuchName(secure);
            case Rcode.SERVFAIL -> answersWithoutChecking(question)
                    ? new DnsAnswer.Bogus(validationFailure(response).orElse("the answer failed DNSSEC validation"))
                    : new DnsAnswer.Failed("the DNS resolver answered SERVFAIL");
            default -> new DnsAnswer.Failed("the DNS resolver answered " + Rcode.string(response.getRcode()));
        };
    }

    /**
     * Whether the resolver answers when asked not to validate (the CD flag): the validator reports both a
     * broken upstream and a forged answer as SERVFAIL, and only a forgery still answers with checking disabled.
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

    /** The validator puts its reason for a SERVFAIL in a TXT record of a private class in the additional section. */
    private static Optional<String> validationFailure(Message response) {
        return response.getSection(Section.ADDITIONAL).stream()
                .filter(record -> record.getDClass() == ValidatingResolver.VALIDATION_REASON_QCLASS)
                .filter(TXTRecord.class::isInstance)
                .map(record -> String.join(" ", ((TXTRecord) record).getStrings()))
                .findFirst();
    }
}
