package dev.hikyaku.advisor.mtasts;

import dev.hikyaku.advisor.dnssec.DnsAnswer;
import dev.hikyaku.advisor.dnssec.ValidatingDns;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Finds the MTA-STS policy that applies to a domain (RFC 8461 section 5.1): the TXT record, then the policy
 * over HTTPS unless a cached one with the same id is still within its max_age; a failed refresh falls back to
 * a still-valid cached policy, and with none is reported as a fetch error.
 */
public final class MtaStsChecker {
    private final ValidatingDns dns;
    private final PolicyFetcher fetcher;
    private final PolicyCache cache;
    private final Clock clock;
    private final MtaStsRecordParser recordParser = new MtaStsRecordParser();
    private final MtaStsPolicyParser policyParser = new MtaStsPolicyParser();

    /** A checker asking {@code dns}, fetching with {@code fetcher}, and keeping policies in {@code cache}. */
    public MtaStsChecker(ValidatingDns dns, PolicyFetcher fetcher, PolicyCache cache, Clock clock) {
        this.dns = dns;
        this.fetcher = fetcher;
        this.cache = cache;
        this.clock = clock;
    }

    /** The policy state of {@code domain} (lower-case, A-labels, no trailing dot). */
    public MtaStsFinding check(String domain) {
        Instant now = clock.instant();
        Optional<CachedPolicy> cached = cache.find(domain).filter(policy -> now.isBefore(policy.expiresAt()));
        DnsAnswer txt = dns.query(name("_mta-sts." + domain), Type.TXT);
        if (txt instanceof DnsAnswer.Failed || txt instanceof DnsAnswer.Bogus) {
            String why = txt instanceof DnsAnswer.Failed failed ? failed.reason() : "forged answer: " + ((DnsAnswer.Bogus) txt).reason();
            return cachedOr(cached, new MtaStsFinding.FetchError("DNS lookup of _mta-sts." + domain + " failed: " + why));
        }
        if (!(txt instanceof DnsAnswer.Found found)) {
            return cachedOr(cached, new MtaStsFinding.NoPolicy());
        }
        Optional<MtaStsRecord> record;
        try {
            record = recordParser.parse(found.records().stream()
                    .map(r -> String.join("", ((TXTRecord) r).getStrings()))
                    .toList());
        } catch (PolicySyntaxException e) {
            return cachedOr(cached, new MtaStsFinding.Invalid(e.getMessage()));
        }
        if (record.isEmpty()) {
            return cachedOr(cached, new MtaStsFinding.NoPolicy());
        }
        String id = record.get().id();
        if (cached.isPresent() && cached.get().id().equals(id)) {
            return new MtaStsFinding.Valid(id, cached.get().policy(), true);
        }
        return fetch(domain, id, cached, now);
    }

    private MtaStsFinding fetch(String domain, String id, Optional<CachedPolicy> cached, Instant now) {
        PolicyFetch fetched = fetcher.fetch(domain, addresses("mta-sts." + domain));
        if (fetched instanceof PolicyFetch.Failed failed) {
            return cachedOr(cached, new MtaStsFinding.FetchError(failed.reason()));
        }
        MtaStsPolicy policy;
        try {
            policy = policyParser.parse(((PolicyFetch.Fetched) fetched).body());
        } catch (PolicySyntaxException e) {
            return cachedOr(cached, new MtaStsFinding.Invalid("policy file: " + e.getMessage()));
        }
        cache.save(domain, new CachedPolicy(id, policy, now.plus(policy.maxAge())));
        return new MtaStsFinding.Valid(id, policy, false);
    }

    private static MtaStsFinding cachedOr(Optional<CachedPolicy> cached, MtaStsFinding otherwise) {
        return cached.<MtaStsFinding>map(policy -> new MtaStsFinding.Valid(policy.id(), policy.policy(), true)).orElse(otherwise);
    }

    private List<InetAddress> addresses(String host) {
        List<InetAddress> addresses = new ArrayList<>();
        Name name = name(host);
        for (int type : new int[] {Type.A, Type.AAAA}) {
            if (dns.query(name, type) instanceof DnsAnswer.Found found) {
                found.records().forEach(record -> addresses.add(record instanceof ARecord a ? a.getAddress() : ((AAAARecord) record).getAddress()));
            }
        }
        return addresses;
    }

    private static Name name(String host) {
        try {
            return Name.fromString(host.endsWith(".") ? host : host + ".");
        } catch (TextParseException e) {
            throw new IllegalArgumentException("not a DNS name: " + host, e);
        }
    }
}
