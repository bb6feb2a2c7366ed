package dev.hikyaku.gateway.launch;

import dev.hikyaku.advisor.certificate.TrustedCas;
import dev.hikyaku.advisor.dnssec.TrustAnchors;
import dev.hikyaku.advisor.route.EngineSettings;
import dev.hikyaku.gateway.config.GatewaySettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.ResolverConfig;

/** The verdict engine's settings for a configured gateway: its DNS server, the trusted CAs and the name it greets with. */
public final class AdvisorSettings {
    private static final Duration VERDICT_TIMEOUT = Duration.ofSeconds(10);

    private AdvisorSettings() {
    }

    /**
     * Settings for {@code settings}: the configured DNS server or the OS's first resolver, the system CAs plus the
     * upstream's extra CA file.
     *
     * @throws IOException or {@link CertificateException} when the extra CA file cannot be read
     */
    public static EngineSettings forGateway(GatewaySettings settings) throws IOException, CertificateException {
        List<X509Certificate> extra = new ArrayList<>();
        if (settings.upstream().isPresent() && settings.upstream().get().trustCa().isPresent()) {
            extra.addAll(TrustedCas.readFile(settings.upstream().get().trustCa().get()));
        }
        InetSocketAddress dns = settings.dns().map(AdvisorSettings::resolved).orElseGet(AdvisorSettings::systemResolver);
        return new EngineSettings(dns, TrustAnchors.ianaRoot(), TrustedCas.systemPlus(extra), 25, 443, VERDICT_TIMEOUT,
                localHostName());
    }

    private static InetSocketAddress resolved(InetSocketAddress address) {
        return new InetSocketAddress(address.getHostString(), address.getPort());
    }

    /** The first resolver the OS names (resolv.conf, or the Windows and macOS equivalents dnsjava reads). */
    private static InetSocketAddress systemResolver() {
        List<InetSocketAddress> servers = ResolverConfig.getCurrentConfig().servers();
        return servers.isEmpty() ? new InetSocketAddress(InetAddress.getLoopbackAddress(), 53) : servers.get(0);
    }

    /** The name the gateway greets with: strict servers reject a HELO that is not a host name. */
    private static String localHostName() {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            return name.matches("[A-Za-z0-9.-]{1,253}") ? name : "localhost";
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
