package dev.hikyaku.gateway.e2e;

import dev.hikyaku.advisor.certificate.TrustedCas;
import dev.hikyaku.advisor.dnssec.TrustAnchors;
import dev.hikyaku.advisor.route.EngineSettings;
import dev.hikyaku.gateway.Gateway;
import dev.hikyaku.gateway.config.GatewaySettings;
import dev.hikyaku.gateway.config.SettingsReader;
import dev.hikyaku.gateway.config.UpstreamTarget;
import dev.hikyaku.gateway.delivery.UpstreamSecurity;
import dev.hikyaku.gateway.events.GatewayEvent;
import dev.hikyaku.gateway.guard.GuardScope;
import dev.hikyaku.gateway.guard.GuardSettings;
import dev.hikyaku.gateway.guard.HoldRule;
import dev.hikyaku.gateway.listen.ListenEndpoints;
import dev.hikyaku.gateway.plan.PackagingPolicy;
import dev.hikyaku.gateway.release.OverduePolicy;
import dev.hikyaku.gateway.release.ReleaseSettings;
import dev.hikyaku.gateway.release.RetrySchedule;
import dev.hikyaku.gateway.smime.SmimeSettings;
import dev.hikyaku.testworld.ca.FixtureCa;
import dev.hikyaku.testworld.dns.DnsWorld;
import dev.hikyaku.testworld.smtp.MxBehaviour;
import dev.hikyaku.testworld.smtp.MxGroup;
import dev.hikyaku.testworld.smtp.SubmissionBehaviour;
import dev.hikyaku.testworld.smtp.SubmissionServer;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

/**
 * The loopback world of a gateway test: DNS with a DANE-pinned domain and a plain one, a receiving MX, the
 * user's upstream submission server, and the gateway itself pointed at them.
 */
final class GatewayWorld implements AutoCloseable {
    static final String SENDER = "taro@office.test";
    static final Duration WAIT = Duration.ofSeconds(30);

    final FixtureCa ca = FixtureCa.create();
    final DnsWorld dns = DnsWorld.start();
    final List<GatewayEvent> events = new CopyOnWriteArrayList<>();
    final Path data;
    private final List<AutoCloseable> closing = new ArrayList<>();
    private MxGroup mx;
    SubmissionServer upstream;
    Gateway gateway;
    /** Whether the user opted in to keep the upstream password in the OS key store. */
    boolean keychain;
    /** The guards (domains, rules) the next start uses; a test changes them before {@link #start}. */
    GuardSettings guard = GuardSettings.defaults(ZoneOffset.UTC);
    /** The packaging policy the next start uses. */
    PackagingPolicy packaging = PackagingPolicy.defaults();

    GatewayWorld(Path data) throws Exception {
        this.data = data;
        var mxCertificate = ca.server("mx.secure.test", "mx.plain.test", "mx.office.test");
        mx = MxGroup.start(List.of(MxBehaviour.startTls(mxCertificate), MxBehaviour.plain()));
        closing.add(mx);
        String mxAddress = MxGroup.addressOf(0).getHostAddress();
        // clear.test's MX speaks no STARTTLS (PLAINTEXT); typo.test takes no mail (NO_MAIL); office.test is a
        // TLS domain that tests may call internal.
        dns.zone("clear.test").add("@ MX 10 mx").add("mx A " + MxGroup.addressOf(1).getHostAddress());
        dns.zone("typo.test").add("@ MX 0 .");
        dns.zone("office.test").add("@ MX 10 mx").add("mx A " + mxAddress);
        dns.signedZone("secure.test").add("@ MX 10 mx").add("mx A " + mxAddress)
                .add("_25._tcp.mx TLSA 3 1 1 " + sha256(mxCertificate.certificate().getPublicKey().getEncoded()));
        dns.zone("plain.test").add("@ MX 10 mx").add("mx A " + mxAddress);
    }

    SubmissionServer upstream(SubmissionBehaviour behaviour) throws Exception {
        upstream = SubmissionServer.start(behaviour);
        closing.add(upstream);
        return upstream;
    }

    SubmissionBehaviour startTls() {
        return SubmissionBehaviour.startTls(ca.server(SubmissionServer.HOSTNAME, "127.0.0.1"));
    }

    Gateway start(Release release) throws Exception {
        return start(release, Clock.systemUTC());
    }

    Gateway start(Release release, Clock clock) throws Exception {
        if (gateway != null) {
            gateway.close();
        }
        gateway = Gateway.start(settings(release), advisor(), events::add, clock);
        return gateway;
    }

    GatewaySettings settings(Release release) throws Exception {
        Path caFile = Files.writeString(data.resolve("fixture-ca.pem"), ca.rootPem());
        Optional<UpstreamTarget> target = upstream == null ? Optional.empty()
                : Optional.of(new UpstreamTarget("127.0.0.1", upstream.address().getPort(),
                        upstream.behaviour().certificate().isPresent() ? UpstreamSecurity.STARTTLS_REQUIRED
                                : UpstreamSecurity.NONE, Optional.of(caFile), keychain));
        return new GatewaySettings(
                new ListenEndpoints(List.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))),
                Optional.empty(), true, target, release.settings(), Optional.empty(), 10L * 1024 * 1024, 100,
                data.resolve("data"), release.hold().isZero() ? guard : new GuardSettings(guard.domains(), guard.zone(),
                        guard.refusals(), guard.forceBcc(), guard.confirm(),
                        new HoldRule(true, release.hold(), GuardScope.ALL), guard.stage()),
                packaging.withInternalAsIs(guard.domains().internalSkipsPackaging()),
                new SmimeSettings(true, Optional.of(caFile)));
    }

    EngineSettings advisor() {
        return new EngineSettings(dns.address(), TrustAnchors.fromText(dns.trustAnchors()),
                TrustedCas.systemPlus(List.of(ca.root())), mx.port(), 443, Duration.ofSeconds(3), "gateway.test");
    }

    /** Guard settings from configuration lines ({@code key = value}), as a user would write them. */
    static GuardSettings guard(String... lines) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : lines) {
            int equals = line.indexOf('=');
            values.put(line.substring(0, equals).trim(), line.substring(equals + 1).trim());
        }
        return SettingsReader.read(Map.of(), values, Path.of("unused"), ZoneOffset.UTC).guard();
    }

    /** Quick retries, and every message held for {@code hold} (the guards' hold rule) unless it is zero. */
    static Release quickRetries(Duration hold) {
        return new Release(new ReleaseSettings(Duration.ofDays(1), OverduePolicy.ASK,
                new RetrySchedule(Duration.ofMillis(200), Duration.ofMillis(500), Duration.ofMinutes(10)), true,
                Duration.ofSeconds(10), 2, Duration.ofMillis(200)), hold);
    }

    /** How a test gateway lets mail go: the queue's settings and the hold. */
    record Release(ReleaseSettings settings, Duration hold) {
    }

    int port() {
        return gateway.addresses().get(0).getPort();
    }

    /** Submits {@code raw} with Jakarta Mail, as a mail client would, optionally with AUTH. */
    void submit(byte[] raw, List<String> recipients, String user, String password) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", Integer.toString(port()));
        properties.put("mail.smtp.auth", Boolean.toString(user != null));
        properties.put("mail.smtp.from", SENDER);
        Session session = Session.getInstance(properties);
        MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(raw));
        try (Transport transport = session.getTransport("smtp")) {
            if (user != null) {
                transport.connect(user, password);
            } else {
                transport.connect();
            }
            InternetAddress[] to = recipients.stream().map(GatewayWorld::address).toArray(InternetAddress[]::new);
            transport.sendMessage(message, to);
        }
    }

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    private static InternetAddress address(String text) {
        try {
            return new InternetAddress(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    private static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    @Override
    public void close() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
        for (AutoCloseable closeable : closing) {
            closeable.close();
        }
        dns.close();
    }
}
