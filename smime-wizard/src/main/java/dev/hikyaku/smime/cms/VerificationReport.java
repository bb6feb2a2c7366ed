package dev.hikyaku.smime.cms;

import jakarta.mail.internet.MimeBodyPart;
import java.util.List;

/**
 * The verdict on a signed entity and the content it protects.
 *
 * @param signers one report per signature (usually one)
 * @param content the signed content, to show or to process further (it may be encrypted or signed again)
 */
public record VerificationReport(List<SignerReport> signers, MimeBodyPart content) {

    /** Copies the reports. */
    public VerificationReport {
        signers = List.copyOf(signers);
    }

    /** Whether there is a signature and every one of them can be trusted. */
    public boolean valid() {
        return !signers.isEmpty() && signers.stream().allMatch(SignerReport::valid);
    }
}
