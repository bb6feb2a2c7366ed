package dev.hikyaku.advisor.certificate;

import java.time.Instant;
import java.util.Optional;

/**
 * What a server's certificate chain is worth, each property judged on its own so the evidence can say exactly
 * which one failed.
 *
 * @param subject      the leaf's subject, as text
 * @param issuer       the leaf's issuer, as text
 * @param notAfter     when the leaf expires
 * @param trusted      the chain leads to a trusted CA (judged as if in date)
 * @param trustProblem why it does not, when it does not
 * @param nameMatches  the leaf names the host
 * @param inDate       every certificate the server sent is within its validity period
 * @param strongKey    the leaf's key is at least RSA 2048 or EC 256
 * @param keyDescription e.g. {@code RSA 2048} or {@code EC 256}
 */
public record ChainJudgement(String subject, String issuer, Instant notAfter, boolean trusted,
                             Optional<String> trustProblem, boolean nameMatches, boolean inDate, boolean strongKey,
                             String keyDescription) {

    /** Whether every check passed: what "a trusted, matching, unexpired certificate" means in a verdict. */
    public boolean valid() {
        return trusted && nameMatches && inDate && strongKey;
    }
}
