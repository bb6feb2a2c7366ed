package dev.hikyaku.advisor.route;

import dev.hikyaku.advisor.dane.TlsaAssociation;
import dev.hikyaku.advisor.dnssec.DnsAnswer;
import dev.hikyaku.advisor.dnssec.ValidatingDns;
import dev.hikyaku.advisor.mx.MxHost;
import dev.hikyaku.advisor.verdict.TlsaState;
import java.util.List;
import org.xbill.DNS.Name;
import org.xbill.DNS.TLSARecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/** Looks up an MX host's TLSA records at {@code _25._tcp.<host>} and keeps only what DNSSEC proved (RFC 7672). */
final class TlsaLookup {
    private final ValidatingDns dns;

    TlsaLookup(ValidatingDns dns) {
        this.dns = dns;
    }

    TlsaState lookup(MxHost host) {
        // RFC 7672 section 2.2.2: TLSA records of a host whose address records are not secure are not used.
        if (host.addresses().isEmpty() || !host.addressesSecure()) {
            return new TlsaState.None();
        }
        DnsAnswer answer = dns.query(name(host.name()), Type.TLSA);
        if (answer instanceof DnsAnswer.Found found) {
            if (!found.secure()) {
                return new TlsaState.None();
            }
            List<TlsaAssociation> records = found.records().stream().map(TLSARecord.class::cast)
                    .map(r -> new TlsaAssociation(r.getCertificateUsage(), r.getSelector(), r.getMatchingType(),
                            r.getCertificateAssociationData()))
                    .toList();
            return new TlsaState.Secure(records);
        }
        if (answer instanceof DnsAnswer.Bogus bogus) {
            return new TlsaState.Bogus(bogus.reason());
        }
        if (answer instanceof DnsAnswer.Failed failed) {
            return new TlsaState.Failed(failed.reason());
        }
        return new TlsaState.None();
    }

    private static Name name(String host) {
        try {
            return Name.fromString("_25._tcp." + host + ".");
        } catch (TextParseException e) {
            throw new IllegalArgumentException("not a DNS name: " + host, e);
        }
    }
}
