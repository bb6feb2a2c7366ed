package dev.hikyaku.advisor.verdict;

import dev.hikyaku.advisor.dane.TlsaAssociation;
import java.util.List;

/** What DNS says about an MX's TLSA records, after DNSSEC validation. */
public sealed interface TlsaState {

    /** No TLSA records, or only unsigned ones, which DANE must ignore. */
    record None() implements TlsaState {
    }

    /** DNSSEC-validated TLSA records. */
    record Secure(List<TlsaAssociation> records) implements TlsaState {
        /** Copies the list. */
        public Secure {
            records = List.copyOf(records);
        }

        /** Whether any record is usable for SMTP (RFC 7672): only then does DANE pin the MX. */
        public boolean usable() {
            return records.stream().anyMatch(TlsaAssociation::usableForSmtp);
        }
    }

    /** The TLSA answer failed validation: a forgery or a broken zone. */
    record Bogus(String reason) implements TlsaState {
    }

    /** The lookup failed; DANE cannot be judged for this MX. */
    record Failed(String reason) implements TlsaState {
    }
}
