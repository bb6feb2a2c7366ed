package dev.hikyaku.app.review;

import dev.hikyaku.advisor.certificate.TrustedCas;
import dev.hikyaku.advisor.dnssec.TrustAnchors;
import dev.hikyaku.advisor.route.EngineSettings;
import dev.hikyaku.app.gateway.FreePort;
import dev.hikyaku.app.i18n.LiveText;
import dev.hikyaku.gateway.Gateway;
import dev.hikyaku.gateway.config.GatewaySettings;
import dev.hikyaku.gateway.events.EventFanout;
import dev.hikyaku.gateway.events.GatewayEvent;
import dev.hikyaku.gateway.events.GatewayListener;
import dev.hikyaku.gateway.launch.GatewayConfiguration;
import dev.hikyaku.testworld.ca.FixtureCa;
import dev.hikyaku.testworld.ca.Issued;
import dev.hikyaku.testworld.dns.DnsWorld;
import dev.hikyaku.testworld.smtp.MxBehaviour;
import dev.hikyaku.testworld.smtp.MxGroup;
import dev.hikyaku.testworld.smtp.SubmissionBehaviour;
import dev.hikyaku.testworld.smtp.SubmissionServer;
import jakarta.activation.DataHandler;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * The loopback world a review test runs in: DNS with a TLS domain, a plaintext one, one that takes no mail and an
 * internal one; their MX servers; the user's upstream (plain, no AUTH); and a real gateway started from a
 * {@code gateway.conf} in a temp data folder, its verdicts probed on loopback only.
 */
public final class ReviewWorld implements AutoCloseable {
    /** The user, as the mail client submits. */
    public static final String SENDER = "taro@office.test";
    /** STARTTLS with a valid certificate: ENCRYPTED. */
    public static final String TLS = "tls.test";
    /** An MX without STARTTLS: PLAINTEXT. */
    public static final String CLEAR = "clear.test";
    /** A null MX: NO_MAIL. */
    public static final String TYPO = "typo.test";
    /** The company's own domain (STARTTLS). */
    public static final String OFFICE = "office.test";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final FixtureCa ca = FixtureCa.create();
    private final DnsWorld dns = DnsWorld.start();
    private final MxGroup mx;
    private final Path data;
    /** Every event of the gateway, in order. */
    public final List<GatewayEvent> events = new CopyOnWriteArrayList<>();
    /** The user's outgoing server. */
    public final SubmissionServer upstream;
    private Gateway gateway;

    /** A world whose gateway keeps its files in {@code data}. */
    public ReviewWorld(Path data) throws Exception {
        this.data = data;
        Issued certificate = ca.server("mx." + TLS, "mx." + OFFICE);
        mx = MxGroup.start(List.of(MxBehaviour.startTls(certificate), MxBehaviour.plain()));
        String tlsMx = MxGroup.addressOf(0).getHostAddress();
        dns.zone(TLS).add("@ MX 10 mx").add("mx A " + tlsMx);
        dns.zone(OFFICE).add("@ MX 10 mx").add("mx A " + tlsMx);
        dns.zone(CLEAR).add("@ MX 10 mx").add("mx A " + MxGroup.addressOf(1).getHostAddress());
        dns.zone(TYPO).add("@ MX 0 .");
        upstream = SubmissionServer.start(SubmissionBehaviour.plain());
    }

    /**
     * Starts the gateway with a {@code gateway.conf} of the world's servers plus {@code lines} (guards, holds);
     * {@code listener} hears every event after the world's own record.
     */
    public Gateway start(GatewayListener listener, Clock clock, String... lines) throws Exception {
        List<String> conf = new ArrayList<>(List.of(
                "listen.port = " + FreePort.pick(),
                "listen.bind = 127.0.0.1",
                "upstream.host = 127.0.0.1",
                "upstream.port = " + upstream.address().getPort(),
                "upstream.security = none",
                "dns.server = 127.0.0.1:" + dns.port(),
                "domains.internal = " + OFFICE));
        conf.addAll(List.of(lines));
        Files.write(data.resolve(GatewayConfiguration.DEFAULT_FILE), conf, StandardCharsets.UTF_8);
        GatewaySettings settings = GatewayConfiguration.read(Optional.empty(), Map.of(), data);
        // As AdvisorSettings.forGateway, but probing the loopback MX servers' port and trusting the fixture CA.
        EngineSettings advisor = new EngineSettings(dns.address(), TrustAnchors.fromText(dns.trustAnchors()),
                TrustedCas.systemPlus(List.of(ca.root())), mx.port(), 443, Duration.ofSeconds(3), "gateway.test");
        gateway = Gateway.start(settings, advisor, new EventFanout(List.of(events::add, listener)), clock);
        return gateway;
    }

    /** The running gateway. */
    public Gateway gateway() {
        return gateway;
    }

    /** The gateway's data folder. */
    public Path data() {
        return data;
    }

    /** A review context over this world's gateway. */
    public ReviewContext context(LiveText text, Clock clock, Executor background, Executor ui) {
        return new ReviewContext(text, () -> Optional.ofNullable(gateway), new VerdictCacheReports(data, clock), clock,
                background, ui);
    }

    /**
     * Submits a message with Jakarta Mail as a mail client would: From the user to {@code to} (each may carry a
     * display name, {@code "Hanako <hanako@tls.test>"}), with a PDF attached when {@code attachment}; returns
     * the gateway's id of it.
     */
    public String submit(String subject, List<String> to, boolean attachment) throws Exception {
        int before = accepted().size();
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", Integer.toString(gateway.addresses().get(0).getPort()));
        Session session = Session.getInstance(properties);
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(SENDER, "Taro Yamada", "UTF-8"));
        message.setRecipients(MimeMessage.RecipientType.TO, InternetAddress.parse(String.join(", ", to)));
        message.setSubject(subject, "UTF-8");
        if (attachment) {
            MimeBodyPart body = new MimeBodyPart();
            body.setText("Please find the estimate attached.", "UTF-8");
            MimeBodyPart file = new MimeBodyPart();
            file.setDataHandler(new DataHandler(new ByteArrayDataSource(new byte[2048], "application/pdf")));
            file.setFileName("estimate.pdf");
            message.setContent(new MimeMultipart(body, file));
        } else {
            message.setText("hello", "UTF-8");
        }
        message.saveChanges();
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            transport.sendMessage(message, message.getAllRecipients());
        }
        await(() -> accepted().size() > before, "the gateway accepts the message");
        return accepted().get(before).messageId();
    }

    private List<GatewayEvent.Accepted> accepted() {
        return events.stream().filter(GatewayEvent.Accepted.class::isInstance).map(GatewayEvent.Accepted.class::cast)
                .toList();
    }

    /** Waits until an event of {@code type} about {@code messageId} matching {@code test} happened. */
    public <E extends GatewayEvent> E awaitEvent(Class<E> type, String messageId, Predicate<E> test) throws Exception {
        await(() -> find(type, messageId, test).isPresent(), type.getSimpleName() + " for " + messageId);
        return find(type, messageId, test).orElseThrow();
    }

    /** Waits until an event of {@code type} about {@code messageId} happened. */
    public <E extends GatewayEvent> E awaitEvent(Class<E> type, String messageId) throws Exception {
        return awaitEvent(type, messageId, event -> true);
    }

    private <E extends GatewayEvent> Optional<E> find(Class<E> type, String messageId, Predicate<E> test) {
        return events.stream().filter(type::isInstance).map(type::cast)
                .filter(event -> EventMessages.idOf(event).orElse("").equals(messageId)).filter(test).findFirst();
    }

    /** Waits for {@code condition}, failing with {@code what} after a generous time. */
    public static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    @Override
    public void close() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
        upstream.close();
        mx.close();
        dns.close();
    }
}
