package dev.hikyaku.smime.cms;

import dev.hikyaku.smime.revocation.RevocationStatus;
import dev.hikyaku.smime.text.Notice;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The verdict on one signature.
 *
 * @param certificate           the signer's certificate, empty when the message did not carry it
 * @param chain                 the signer's certificate and the ones above it found in the message, leaf first
 * @param signingTime           the time the signature was checked at (the signingTime attribute, else now)
 * @param capabilities          what the signer's client can decrypt
 * @param encryptionCertificate the certificate the signer wants mail encrypted to, when named and included
 * @param revocation            what is known about the signer certificate's revocation
 * @param findings              what is wrong; empty for a good signature
 */
public record SignerReport(Optional<X509Certificate> certificate, List<X509Certificate> chain, Instant signingTime,
                           Capabilities capabilities, Optional<X509Certificate> encryptionCertificate,
                           RevocationStatus revocation, List<Finding> findings) {

    /** Copies the lists. */
    public SignerReport {
        chain = List.copyOf(chain);
        findings = List.copyOf(findings);
    }

    /** Whether the signature can be trusted: no fatal finding. */
    public boolean valid() {
        return findings.stream().noneMatch(Finding::fatal);
    }

    /** The findings as texts for the user. */
    public List<Notice> notices() {
        return findings.stream().map(finding -> Notice.of(finding.messageKey())).toList();
    }
}
