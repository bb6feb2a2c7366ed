package dev.hikyaku.gateway.config;

import dev.hikyaku.gateway.guard.GuardSettings;
import dev.hikyaku.gateway.listen.ListenEndpoints;
import dev.hikyaku.gateway.plan.PackagingPolicy;
import dev.hikyaku.gateway.release.ReleaseSettings;
import dev.hikyaku.gateway.smime.SmimeSettings;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Everything the gateway is started with.
 *
 * @param listen          where mail clients submit (STARTTLS offered there)
 * @param implicitTlsPort a second port speaking TLS from the first byte, on the same addresses, if wanted
 * @param startTls        whether STARTTLS is offered at all
 * @param upstream        the real outgoing server; empty runs the sandbox
 * @param release         holds, retries, overdue mail, REQUIRETLS
 * @param dns             the DNS resolver for recipient verdicts; empty for the system's
 * @param maxMessageBytes the largest message accepted (announced in SIZE)
 * @param maxRecipients   the most recipients per message
 * @param dataDirectory   where spool, queue, archive and certificate live
 * @param guard           the mis-send guards and the internal and partner domains
 * @param packaging       how each recipient group's copy is packaged by default, per verdict, domain and address
 * @param smime           whether groups whose recipients all have certificates are S/MIME-encrypted, and extra roots
 * @param dnsTrustAnchors a file of DNSSEC trust anchors (DS or DNSKEY lines) in place of the IANA root's, for a test
 *                        bench whose DNS server signs its own root; empty for the IANA root
 */
public record GatewaySettings(ListenEndpoints listen, Optional<Integer> implicitTlsPort, boolean startTls,
                              Optional<UpstreamTarget> upstream, ReleaseSettings release,
                              Optional<InetSocketAddress> dns, long maxMessageBytes, int maxRecipients,
                              Path dataDirectory, GuardSettings guard, PackagingPolicy packaging,
                              SmimeSettings smime, Optional<Path> dnsTrustAnchors) {

    /** Settings that validate DNSSEC from the IANA root, as every real resolver does. */
    public GatewaySettings(ListenEndpoints listen, Optional<Integer> implicitTlsPort, boolean startTls,
                           Optional<UpstreamTarget> upstream, ReleaseSettings release,
                           Optional<InetSocketAddress> dns, long maxMessageBytes, int maxRecipients,
                           Path dataDirectory, GuardSettings guard, PackagingPolicy packaging, SmimeSettings smime) {
        this(listen, implicitTlsPort, startTls, upstream, release, dns, maxMessageBytes, maxRecipients, dataDirectory,
                guard, packaging, smime, Optional.empty());
    }

    /** Whether delivery goes to the sandbox outbox rather than a real server. */
    public boolean sandbox() {
        return upstream.isEmpty();
    }
}
