package dev.hikyaku.smime.pkits;

import dev.hikyaku.smime.cms.Finding;
import dev.hikyaku.smime.cms.SignerReport;
import java.util.List;

/** What the verifier made of one PKITS message, in the three kinds a reader of the report sees. */
enum Verdict {
    /** Valid, nothing to add. */
    TRUSTED,
    /** Valid, but revocation could not be settled: said to the user, not fatal (soft-fail). */
    TRUSTED_REVOCATION_UNKNOWN,
    /** Not to be trusted. */
    UNTRUSTED,
    /** Valid with some other remark: no PKITS message should give it. */
    TRUSTED_WITH_REMARKS;

    static Verdict of(SignerReport report) {
        if (!report.valid()) {
            return UNTRUSTED;
        }
        if (report.findings().isEmpty()) {
            return TRUSTED;
        }
        return report.findings().equals(List.of(Finding.REVOCATION_NOT_CHECKED))
                ? TRUSTED_REVOCATION_UNKNOWN : TRUSTED_WITH_REMARKS;
    }
}
