package dev.hikyaku.advisor.route;

import dev.hikyaku.advisor.certificate.TrustedCas;
import dev.hikyaku.advisor.dnssec.TrustAnchors;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * Where an {@link AdvisorEngine} looks and how long it waits: every endpoint the advisor talks to.
 *
 * @param dns       the resolver to ask
 * @param anchors   where DNSSEC validation starts
 * @param cas       the CAs trusted for MX and MTA-STS certificates
 * @param smtpPort  the port probed on every MX (25 on the internet)
 * @param httpsPort the port of MTA-STS policy hosts (443 on the internet)
 * @param timeout   the most one probe or policy fetch may take
 * @param ehloName  the name probes greet with
 */
public record EngineSettings(InetSocketAddress dns, TrustAnchors anchors, TrustedCas cas, int smtpPort, int httpsPort,
                             Duration timeout, String ehloName) {
}
