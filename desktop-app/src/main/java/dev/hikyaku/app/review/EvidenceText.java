package dev.hikyaku.app.review;

import dev.hikyaku.advisor.evidence.AddressAttempt;
import dev.hikyaku.advisor.evidence.CertificateEvidence;
import dev.hikyaku.advisor.evidence.DomainReport;
import dev.hikyaku.advisor.evidence.MtaStsEvidence;
import dev.hikyaku.advisor.evidence.MxEvidence;
import dev.hikyaku.app.i18n.LiveText;
import java.util.ArrayList;
import java.util.List;

/** The facts behind a verdict, line by line, for the sender who asks for them: each MX, MTA-STS, DANE, TLS-RPT. */
public final class EvidenceText {
    private EvidenceText() {
    }

    /** The evidence of {@code report} in {@code text}'s current language. */
    public static String of(DomainReport report, LiveText text) {
        List<String> lines = new ArrayList<>();
        for (MxEvidence mx : report.mx()) {
            lines.add(text.now(ReviewKey.EVIDENCE_MX, mx.host(), Integer.toString(mx.preference())));
            for (AddressAttempt attempt : mx.attempts()) {
                lines.add("  " + text.now(ReviewKey.EVIDENCE_ATTEMPT, attempt.address(), attempt.outcome(),
                        Long.toString(attempt.elapsedMs()), attempt.detail()).stripTrailing());
            }
            if (mx.answered()) {
                lines.add("  " + text.now(ReviewKey.EVIDENCE_TLS, yesNo(mx.starttls(), text), dash(mx.protocol()),
                        dash(mx.cipher())));
            }
            CertificateEvidence certificate = mx.certificate();
            if (certificate != null) {
                lines.add("  " + text.now(ReviewKey.EVIDENCE_CERTIFICATE, certificate.subject(), certificate.issuer(),
                        String.valueOf(certificate.notAfter()), yesNo(certificate.trusted(), text),
                        yesNo(certificate.nameMatches(), text), yesNo(certificate.inDate(), text)));
            }
            lines.add("  " + text.now(ReviewKey.EVIDENCE_DANE, mx.dane()));
            if (mx.mtaStsCovered() != null) {
                lines.add("  " + text.now(ReviewKey.EVIDENCE_MTA_STS_COVERED, yesNo(mx.mtaStsCovered(), text)));
            }
            if (!mx.error().isEmpty()) {
                lines.add("  " + text.now(ReviewKey.EVIDENCE_ERROR, mx.error()));
            }
        }
        MtaStsEvidence mtaSts = report.mtaSts();
        if ("policy".equals(mtaSts.state())) {
            lines.add(text.now(ReviewKey.EVIDENCE_MTA_STS_POLICY, mtaSts.mode(), String.join(" ", mtaSts.mx())));
        } else if ("none".equals(mtaSts.state())) {
            lines.add(text.now(ReviewKey.EVIDENCE_MTA_STS_NONE));
        } else {
            lines.add(text.now(ReviewKey.EVIDENCE_MTA_STS_PROBLEM, mtaSts.state(), mtaSts.error()).stripTrailing());
        }
        lines.add(text.now(ReviewKey.EVIDENCE_DANE_DOMAIN, report.dane().state(), yesNo(report.dane().mxSecure(), text)));
        lines.add(text.now(ReviewKey.EVIDENCE_TLS_RPT, dash(report.tlsRpt())));
        lines.add(text.now(ReviewKey.EVIDENCE_CHECKED, String.valueOf(report.checkedAt()),
                Long.toString(report.elapsedMs())));
        return String.join("\n", lines);
    }

    private static String yesNo(boolean value, LiveText text) {
        return text.now(value ? ReviewKey.WORD_YES : ReviewKey.WORD_NO);
    }

    private static String dash(String value) {
        return value.isEmpty() ? "-" : value;
    }
}
