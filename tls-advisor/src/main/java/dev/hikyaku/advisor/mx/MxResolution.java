package dev.hikyaku.advisor.mx;

import java.util.List;

/** Where mail for a domain goes, as an MTA would decide it (RFC 5321 section 5.1, RFC 7505). */
public sealed interface MxResolution {

    /**
     * The domain has mail hosts.
     *
     * @param hosts    by preference, at most {@link MxResolver#MAX_HOSTS}
     * @param implicit true when there was no MX and the domain's own address serves as its MX
     * @param secure   the MX records (or, for an implicit MX, the domain's addresses) were DNSSEC-validated
     */
    record Hosts(List<MxHost> hosts, boolean implicit, boolean secure) implements MxResolution {
        /** Copies the list. */
        public Hosts {
            hosts = List.copyOf(hosts);
        }
    }

    /** The domain publishes "MX 0 .": it takes no mail. */
    record NullMx(boolean secure) implements MxResolution {
    }

    /** The domain does not exist. */
    record NoSuchDomain(boolean secure) implements MxResolution {
    }

    /** The domain exists but has neither MX records nor an address to fall back on. */
    record NoMailHost(boolean secure) implements MxResolution {
    }

    /** DNSSEC says the answer was forged: never treated as any of the above. */
    record Bogus(String reason) implements MxResolution {
    }

    /** DNS did not answer usefully (timeout, SERVFAIL): the question stays open. */
    record Failed(String reason) implements MxResolution {
    }
}
