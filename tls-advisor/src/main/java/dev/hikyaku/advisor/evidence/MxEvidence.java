package dev.hikyaku.advisor.evidence;

import java.util.List;

/**
 * Everything learnt about one MX host.
 *
 * @param host           the MX host name
 * @param preference     its MX preference (lower is tried first)
 * @param attempts       each address tried, in order, until one answered
 * @param answered       whether any address answered well enough to be judged
 * @param banner         the greeting of the answering address, empty if none
 * @param starttls       STARTTLS was advertised
 * @param protocol       the negotiated TLS protocol, empty without TLS
 * @param cipher         the negotiated cipher suite, empty without TLS
 * @param certificate    the certificate and its judgement, null without TLS
 * @param requireTls     REQUIRETLS advertised after STARTTLS
 * @param dane           the DANE result for this MX in words (e.g. "no TLSA", "DANE-EE match", "mismatch: ...")
 * @param mtaStsCovered  whether the domain's MTA-STS policy lists this MX, null without a policy
 * @param error          what went wrong, empty when nothing did
 */
public record MxEvidence(String host, int preference, List<AddressAttempt> attempts, boolean answered, String banner,
                         boolean starttls, String protocol, String cipher, CertificateEvidence certificate,
                         boolean requireTls, String dane, Boolean mtaStsCovered, String error) {

    /** Copies the attempts. */
    public MxEvidence {
        attempts = List.copyOf(attempts);
    }
}
