package dev.hikyaku.advisor.dane;

/** What checking one MX's certificate chain against its DNSSEC-validated TLSA records found. */
public sealed interface DaneOutcome {

    /** A record matched and, for DANE-TA, the chain and name checks passed: the route is pinned. */
    record Matched(TlsaAssociation by) implements DaneOutcome {
    }

    /** Usable records exist but none matched the chain the server showed: a pinned route the server fails. */
    record Mismatch(String reason) implements DaneOutcome {
    }

    /** Only records SMTP must ignore (PKIX usages, unknown parameters): as if there were no TLSA records. */
    record NoUsableRecords() implements DaneOutcome {
    }
}
