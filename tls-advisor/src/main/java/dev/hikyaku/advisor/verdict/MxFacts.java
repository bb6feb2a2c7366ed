package dev.hikyaku.advisor.verdict;

import dev.hikyaku.advisor.certificate.ChainJudgement;
import dev.hikyaku.advisor.dane.DaneOutcome;
import dev.hikyaku.advisor.probe.ProbeOutcome;
import java.util.Optional;

/**
 * What was found about one MX host, as the judge needs it.
 *
 * @param host    the MX host name
 * @param outcome the first judged probe outcome over its addresses, or the last unjudged one
 * @param chain   the judged certificate chain, when TLS (modern or legacy) showed one
 * @param tlsa    its TLSA state
 * @param dane    the chain checked against secure TLSA records, when there were any and a chain
 */
public record MxFacts(String host, ProbeOutcome outcome, Optional<ChainJudgement> chain, TlsaState tlsa,
                      Optional<DaneOutcome> dane) {
}
