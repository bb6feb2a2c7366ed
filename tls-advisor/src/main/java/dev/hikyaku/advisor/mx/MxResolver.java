package dev.hikyaku.advisor.mx;

import dev.hikyaku.advisor.dnssec.DnsAnswer;
import dev.hikyaku.advisor.dnssec.ValidatingDns;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/** Resolves a domain's mail hosts and their addresses the way an MTA does, through a validating resolver. */
public final class MxResolver {
    /** Hosts beyond this many are ignored, so a hostile zone cannot make one check probe without end. */
    public static final int MAX_HOSTS = 10;
    /** Addresses per host beyond this many are ignored, for the same reason (Postfix uses 5 in all). */
    public static final int MAX_ADDRESSES = 6;

    /** A host's lookup, with the DNS failure (not a mere absence) that left it without addresses. */
    private record Lookup(MxHost host, Optional<String> failure) {
    }

    private final ValidatingDns dns;

    /** A resolver asking {@code dns}. */
    public MxResolver(ValidatingDns dns) {
        this.dns = dns;
    }

    /** Where mail for {@code domain} (A-labels, no trailing dot) goes. */
    public MxResolution resolve(String domain) {
        Name name = absolute(domain);
        DnsAnswer mx = dns.query(name, Type.MX);
        if (mx instanceof DnsAnswer.Found found) {
            return fromRecords(found);
        }
        if (mx instanceof DnsAnswer.NoSuchName noSuchName) {
            return new MxResolution.NoSuchDomain(noSuchName.secure());
        }
        if (mx instanceof DnsAnswer.NoData noData) {
            return implicit(domain, noData.secure());
        }
        if (mx instanceof DnsAnswer.Bogus bogus) {
            return new MxResolution.Bogus("MX of " + domain + ": " + bogus.reason());
        }
        return new MxResolution.Failed("MX of " + domain + ": " + ((DnsAnswer.Failed) mx).reason());
    }

    private MxResolution fromRecords(DnsAnswer.Found found) {
        List<MXRecord> records = found.records().stream().map(MXRecord.class::cast)
                .sorted(Comparator.comparingInt(MXRecord::getPriority).thenComparing(r -> r.getTarget().toString()))
                .toList();
        // RFC 7505: "MX 0 ." means no mail; a root target beside real hosts is a mistake an MTA skips.
        List<MXRecord> real = records.stream().filter(r -> !r.getTarget().equals(Name.root)).toList();
        if (real.isEmpty()) {
            return new MxResolution.NullMx(found.secure());
        }
        List<MxHost> hosts = new ArrayList<>();
        for (MXRecord record : real.subList(0, Math.min(MAX_HOSTS, real.size()))) {
            hosts.add(lookup(text(record.getTarget()), record.getPriority()).host());
        }
        return new MxResolution.Hosts(hosts, false, found.secure());
    }

    private MxResolution implicit(String domain, boolean noDataSecure) {
        Lookup lookup = lookup(domain, 0);
        MxHost self = lookup.host();
        if (self.addresses().isEmpty()) {
            return lookup.failure().<MxResolution>map(MxResolution.Failed::new)
                    .orElseGet(() -> new MxResolution.NoMailHost(noDataSecure && self.addressesSecure()));
        }
        return new MxResolution.Hosts(List.of(self), true, noDataSecure && self.addressesSecure());
    }

    private Lookup lookup(String host, int preference) {
        Name name = absolute(host);
        List<InetAddress> addresses = new ArrayList<>();
        boolean secure = true;
        String absence = "no address";
        Optional<String> failure = Optional.empty();
        for (int type : new int[] {Type.A, Type.AAAA}) {
            DnsAnswer answer = dns.query(name, type);
            if (answer instanceof DnsAnswer.Found found) {
                secure &= found.secure();
                found.records().stream().map(MxResolver::address).forEach(addresses::add);
            } else if (answer instanceof DnsAnswer.NoData noData) {
                secure &= noData.secure();
            } else if (answer instanceof DnsAnswer.NoSuchName noSuchName) {
                secure &= noSuchName.secure();
                absence = "no such host";
            } else if (answer instanceof DnsAnswer.Bogus bogus) {
                secure = false;
                failure = Optional.of("DNS answer for " + host + " forged: " + bogus.reason());
            } else {
                secure = false;
                failure = Optional.of("DNS lookup of " + host + " failed: " + ((DnsAnswer.Failed) answer).reason());
            }
        }
        List<InetAddress> kept = addresses.stream().distinct().limit(MAX_ADDRESSES).toList();
        String problem = kept.isEmpty() ? failure.orElse(absence) : "";
        return new Lookup(new MxHost(host, preference, kept, secure, problem), kept.isEmpty() ? failure : Optional.empty());
    }

    private static InetAddress address(Record record) {
        return record instanceof ARecord a ? a.getAddress() : ((AAAARecord) record).getAddress();
    }

    private static String text(Name name) {
        String text = name.toString(true);
        return text.toLowerCase(Locale.ROOT);
    }

    private static Name absolute(String host) {
        try {
            return Name.fromString(host.endsWith(".") ? host : host + ".");
        } catch (TextParseException e) {
            throw new IllegalArgumentException("not a DNS name: " + host, e);
        }
    }
}
