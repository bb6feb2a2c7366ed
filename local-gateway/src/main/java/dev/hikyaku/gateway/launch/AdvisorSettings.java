package dev.hikyaku.gateway.launch;

import dev.hikyaku.advisor.certificate.TrustedCas;
import dev.hikyaku.advisor.dnssec.TrustAnchors;
import dev.hikyaku.advisor.route.EngineSettings;
import dev.hikyaku.advisor.route.HostDefaults;
import dev.hikyaku.gateway.config.GatewaySettings;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The verdict engine's settings for a configured gateway: its DNS server, the trusted CAs and the name it greets with. */
public final class AdvisorSettings {
    private static final Duration VERDICT_TIMEOUT = Duration.ofSeconds(10);

    private AdvisorSettings() {
    }

    /**
     * Settings for {@code settings}: the configured DNS server or the OS's first resolver, the configured DNSSEC
     * trust anchors or the IANA root's, the system CAs plus the upstream's extra CA file.
     *
     * @throws IOException or {@link CertificateException} when the extra CA file cannot be read
     */
    public static EngineSettings forGateway(GatewaySettings settings) throws IOException, CertificateException {
        List<X509Certificate> extra = new ArrayList<>();
        if (settings.upstream().isPresent() && settings.upstream().get().trustCa().isPresent()) {
            extra.addAll(TrustedCas.readFile(settings.upstream().get().trustCa().get()));
        }
        InetSocketAddress dns = settings.dns().map(AdvisorSettings::resolved).orElseGet(HostDefaults::systemResolver);
        TrustAnchors anchors = settings.dnsTrustAnchors().isPresent()
                ? TrustAnchors.fromFile(settings.dnsTrustAnchors().get()) : TrustAnchors.ianaRoot();
        return new EngineSettings(dns, anchors, TrustedCas.systemPlus(extra), 25, 443, VERDICT_TIMEOUT,
                HostDefaults.localHostName());
    }

    private static InetSocketAddress resolved(InetSocketAddress address) {
        return new InetSocketAddress(address.getHostString(), address.getPort());
    }
}
