package dev.hikyaku.app.review;

import dev.hikyaku.advisor.evidence.DomainReport;
import java.util.Optional;

/** Where the review finds a domain's verdict with its evidence (the plan the gateway keeps holds neither). */
@FunctionalInterface
public interface ReportLookup {
    /** The current report for {@code domain} (ASCII form), if one is known. */
    Optional<DomainReport> report(String domain);
}
