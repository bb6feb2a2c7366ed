package dev.hikyaku.app.checker;

import dev.hikyaku.advisor.evidence.AddressAttempt;
import dev.hikyaku.advisor.evidence.CertificateEvidence;
import dev.hikyaku.advisor.evidence.DaneEvidence;
import dev.hikyaku.advisor.evidence.DomainReport;
import dev.hikyaku.advisor.evidence.MtaStsEvidence;
import dev.hikyaku.advisor.evidence.MxEvidence;
import dev.hikyaku.app.i18n.Messages;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * The evidence of a {@link DomainReport} as lines a person reads: each MX with its STARTTLS, TLS version and
 * certificate, then MTA-STS, DANE and TLS-RPT. Labels are localized; what servers said stays as they said it.
 */
public final class EvidenceText {
    private EvidenceText() {
    }

    /** The evidence of {@code report} in the language of {@code messages}, one fact a line. */
    public static String of(DomainReport report, Messages messages) {
        List<String> lines = new ArrayList<>();
        lines.add(messages.format(CheckerText.EVIDENCE_DOMAIN, report.domain(), Date.from(report.checkedAt()),
                report.elapsedMs()));
        if (report.mx().isEmpty()) {
            lines.add(messages.format(CheckerText.EVIDENCE_NO_MX));
        }
        for (MxEvidence mx : report.mx()) {
            mx(lines, mx, messages);
        }
        lines.add(mtaSts(report.mtaSts(), messages));
        DaneEvidence dane = report.dane();
        lines.add(messages.format(CheckerText.EVIDENCE_DANE, dane.state().replace('_', ' '),
                yesNo(dane.mxSecure(), messages), dane.detail()).strip());
        if (!report.tlsRpt().isEmpty()) {
            lines.add(messages.format(CheckerText.EVIDENCE_TLS_RPT, report.tlsRpt()));
        }
        return String.join("\n", lines);
    }

    private static void mx(List<String> lines, MxEvidence mx, Messages messages) {
        lines.add(messages.format(CheckerText.EVIDENCE_MX, mx.host(), mx.preference()));
        for (AddressAttempt attempt : mx.attempts()) {
            lines.add(messages.format(CheckerText.EVIDENCE_MX_ATTEMPT, attempt.address(),
                    attempt.outcome().replace('_', ' '), attempt.detail(), attempt.elapsedMs()));
        }
        if (!mx.answered()) {
            lines.add(messages.format(CheckerText.EVIDENCE_MX_NO_ANSWER, mx.error()));
        } else if (!mx.starttls()) {
            lines.add(messages.format(CheckerText.EVIDENCE_MX_NO_STARTTLS));
        } else if (mx.protocol().isEmpty()) {
            lines.add(messages.format(CheckerText.EVIDENCE_MX_STARTTLS_FAILED, mx.error()));
        } else {
            lines.add(messages.format(CheckerText.EVIDENCE_MX_STARTTLS, mx.protocol(), mx.cipher()));
        }
        if (mx.certificate() != null) {
            certificate(lines, mx.certificate(), messages);
        }
        lines.add(messages.format(CheckerText.EVIDENCE_MX_DANE, mx.dane()));
        if (mx.mtaStsCovered() != null) {
            lines.add(messages.format(CheckerText.EVIDENCE_MX_MTA_STS, yesNo(mx.mtaStsCovered(), messages)));
        }
    }

    private static void certificate(List<String> lines, CertificateEvidence certificate, Messages messages) {
        String trust = certificate.trusted() ? messages.format(CheckerText.EVIDENCE_MX_CERTIFICATE_TRUSTED)
                : messages.format(CheckerText.EVIDENCE_MX_CERTIFICATE_UNTRUSTED, certificate.trustProblem());
        lines.add(messages.format(CheckerText.EVIDENCE_MX_CERTIFICATE, certificate.subject(), certificate.issuer(),
                Date.from(certificate.notAfter()), trust));
        if (!certificate.nameMatches()) {
            lines.add(messages.format(CheckerText.EVIDENCE_MX_CERTIFICATE_NAME_MISMATCH));
        }
        if (!certificate.inDate()) {
            lines.add(messages.format(CheckerText.EVIDENCE_MX_CERTIFICATE_EXPIRED));
        }
        if (!certificate.strongKey()) {
            lines.add(messages.format(CheckerText.EVIDENCE_MX_CERTIFICATE_WEAK_KEY));
        }
    }

    private static String mtaSts(MtaStsEvidence mtaSts, Messages messages) {
        if ("policy".equals(mtaSts.state())) {
            return messages.format(CheckerText.EVIDENCE_MTA_STS_POLICY, mtaSts.id(), mtaSts.mode(),
                    String.join(", ", mtaSts.mx()), mtaSts.maxAgeSeconds());
        }
        if ("none".equals(mtaSts.state())) {
            return messages.format(CheckerText.EVIDENCE_MTA_STS_NONE);
        }
        return messages.format(CheckerText.EVIDENCE_MTA_STS_PROBLEM, mtaSts.state().replace('_', ' '), mtaSts.error());
    }

    private static String yesNo(boolean value, Messages messages) {
        return messages.format(value ? CheckerText.EVIDENCE_YES : CheckerText.EVIDENCE_NO);
    }
}
