package dev.hikyaku.advisor.cli;

import dev.hikyaku.advisor.evidence.AddressAttempt;
import dev.hikyaku.advisor.evidence.CertificateEvidence;
import dev.hikyaku.advisor.evidence.DomainReport;
import dev.hikyaku.advisor.evidence.MtaStsEvidence;
import dev.hikyaku.advisor.evidence.MxEvidence;
import dev.hikyaku.advisor.store.ReportJson;
import dev.hikyaku.advisor.verdict.ReasonText;
import dev.hikyaku.advisor.verdict.Verdict;
import java.io.PrintStream;

/** Writes reports for people (a table, with evidence on request) or for programs (JSON lines). */
final class ReportPrinter {
    private final PrintStream out;
    private final AdvisorText text;
    private final boolean json;
    private final boolean verbose;
    private final ReportJson reportJson = new ReportJson();

    ReportPrinter(PrintStream out, AdvisorText text, boolean json, boolean verbose) {
        this.out = out;
        this.text = text;
        this.json = json;
        this.verbose = verbose;
    }

    void print(DomainReport report) {
        String reason = ReasonText.of(report.verdict(), text.locale());
        if (json) {
            out.println(reportJson.writeWithReason(report, reason));
            return;
        }
        out.printf("%-30s %-20s %s%n", report.domain(), report.verdict().level().name(), reason);
        if (verbose) {
            if (report.verdict() instanceof Verdict.Unknown unknown && !unknown.detail().isEmpty()) {
                out.println("  " + text.format("evidence.error", unknown.detail()));
            }
            report.mx().forEach(this::printMx);
            printDomainWide(report);
        }
    }

    private void printMx(MxEvidence mx) {
        out.println("  " + text.format("evidence.mx", mx.host(), mx.preference()));
        for (AddressAttempt attempt : mx.attempts()) {
            out.println("    " + text.format("evidence.attempt", attempt.address(), attempt.outcome(),
                    attempt.elapsedMs(), attempt.detail()).stripTrailing());
        }
        if (!mx.banner().isEmpty()) {
            out.println("    " + text.format("evidence.banner", mx.banner()));
        }
        if (mx.answered()) {
            out.println("    " + text.format("evidence.tls", yesNo(mx.starttls()),
                    mx.protocol().isEmpty() ? "-" : mx.protocol(), mx.cipher().isEmpty() ? "-" : mx.cipher(),
                    yesNo(mx.requireTls())));
        }
        CertificateEvidence certificate = mx.certificate();
        if (certificate != null) {
            out.println("    " + text.format("evidence.certificate", certificate.subject(), certificate.issuer(),
                    String.valueOf(certificate.notAfter()), certificate.key()));
            out.println("    " + text.format("evidence.checks", yesNo(certificate.trusted()),
                    yesNo(certificate.nameMatches()), yesNo(certificate.inDate()), yesNo(certificate.strongKey()),
                    certificate.trustProblem()).stripTrailing());
        }
        out.println("    " + text.format("evidence.dane", mx.dane()));
        if (mx.mtaStsCovered() != null) {
            out.println("    " + text.format("evidence.mtaStsCovered", yesNo(mx.mtaStsCovered())));
        }
        if (!mx.error().isEmpty()) {
            out.println("    " + text.format("evidence.error", mx.error()));
        }
    }

    private void printDomainWide(DomainReport report) {
        MtaStsEvidence mtaSts = report.mtaSts();
        String policy = switch (mtaSts.state()) {
            case "policy" -> text.format("evidence.mtaSts.policy", mtaSts.mode(), mtaSts.id(),
                    String.join(" ", mtaSts.mx()), mtaSts.maxAgeSeconds());
            case "none" -> text.format("evidence.mtaSts.none");
            default -> text.format("evidence.mtaSts.problem", mtaSts.state(), mtaSts.error());
        };
        out.println("  " + policy);
        out.println("  " + text.format("evidence.daneDomain", report.dane().state(), yesNo(report.dane().mxSecure()),
                report.dane().detail()).stripTrailing());
        out.println("  " + text.format("evidence.tlsRpt", report.tlsRpt().isEmpty() ? "-" : report.tlsRpt()));
        out.println("  " + text.format("evidence.elapsed", report.elapsedMs(), String.valueOf(report.checkedAt())));
    }

    private String yesNo(boolean value) {
        return text.format(value ? "word.yes" : "word.no");
    }
}
