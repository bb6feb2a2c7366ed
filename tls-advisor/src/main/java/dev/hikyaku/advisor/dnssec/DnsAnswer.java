package dev.hikyaku.advisor.dnssec;

import java.util.List;
import org.xbill.DNS.Record;

/** One DNS question's answer as a validating resolver sees it: the data and whether DNSSEC proved it. */
public sealed interface DnsAnswer {

    /**
     * Records of the asked type (after following CNAMEs).
     *
     * @param secure true when DNSSEC validated them (the AD flag): only then may DANE use them
     */
    record Found(List<Record> records, boolean secure) implements DnsAnswer {
        /** Copies the list. */
        public Found {
            records = List.copyOf(records);
        }
    }

    /** The name exists but has no records of this type; {@code secure} when the denial was validated. */
    record NoData(boolean secure) implements DnsAnswer {
    }

    /** The name does not exist; {@code secure} when the denial was validated. */
    record NoSuchName(boolean secure) implements DnsAnswer {
    }

    /** The answer failed DNSSEC validation: someone may be forging it. A finding of its own, never "absent". */
    record Bogus(String reason) implements DnsAnswer {
    }

    /** No usable answer (timeout, SERVFAIL, refused): the question stays open. */
    record Failed(String reason) implements DnsAnswer {
    }
}
