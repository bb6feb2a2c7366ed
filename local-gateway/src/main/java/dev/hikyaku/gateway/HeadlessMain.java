package dev.hikyaku.gateway;

import dev.hikyaku.advisor.certificate.TrustedCas;
import dev.hikyaku.advisor.dnssec.TrustAnchors;
import dev.hikyaku.advisor.home.DataDirectory;
import dev.hikyaku.advisor.route.EngineSettings;
import dev.hikyaku.gateway.cli.GatewayCheck;
import dev.hikyaku.gateway.cli.GatewayOptions;
import dev.hikyaku.gateway.cli.UsageException;
import dev.hikyaku.gateway.config.ConfigException;
import dev.hikyaku.gateway.config.ConfigFile;
import dev.hikyaku.gateway.config.ConfigValue;
import dev.hikyaku.gateway.config.GatewaySettings;
import dev.hikyaku.gateway.config.SettingsReader;
import dev.hikyaku.gateway.events.EventLog;
import dev.hikyaku.gateway.text.GatewayText;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.xbill.DNS.ResolverConfig;

/** The gateway without a window: {@code java -jar local-gateway/target/local-gateway.jar run --config FILE}. */
public final class HeadlessMain {
    static final int EXIT_OK = 0;
    static final int EXIT_FAILED = 1;
    static final int EXIT_USAGE = 2;
    /** The configuration file the app writes, read when no --config is given. */
    static final String DEFAULT_CONFIG = "gateway.conf";
    private static final Duration VERDICT_TIMEOUT = Duration.ofSeconds(10);

    private HeadlessMain() {
    }

    /** Entry point. */
    public static void main(String[] args) {
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "hikyaku-stop"));
        System.exit(run(args, System.out, System.err, Locale.getDefault(),
                Path.of(System.getProperty("user.home")), System.getenv(), stop));
    }

    /** Runs the command line and returns the exit code; {@code run} serves until {@code stop} opens. */
    static int run(String[] args, PrintStream out, PrintStream err, Locale defaultLocale, Path home,
                   Map<String, String> environment, CountDownLatch stop) {
        GatewayOptions options;
        try {
            options = GatewayOptions.parse(Arrays.asList(args), defaultLocale);
        } catch (UsageException e) {
            err.println(GatewayText.format(defaultLocale, e.messageKey(), e.value()));
            err.println(GatewayText.format(defaultLocale, "usage"));
            return EXIT_USAGE;
        }
        Locale locale = options.locale();
        if (options.command().equals("help")) {
            out.println(GatewayText.format(locale, "usage"));
            return EXIT_OK;
        }
        Path defaultData = DataDirectory.forUser(System.getProperty("os.name"), home, environment);
        GatewaySettings settings;
        try {
            settings = SettingsReader.read(configValues(options, defaultData), options.overrides(), defaultData);
        } catch (ConfigException e) {
            err.println(e.message(locale));
            return EXIT_USAGE;
        }
        if (options.command().equals("check")) {
            return new GatewayCheck(out, locale).run(settings.listen(), settings.dataDirectory()) ? EXIT_OK : EXIT_FAILED;
        }
        return serve(settings, out, err, locale, stop);
    }

    private static Map<String, ConfigValue> configValues(GatewayOptions options, Path defaultData) {
        if (options.configFile().isPresent()) {
            return ConfigFile.read(options.configFile().get());
        }
        Path data = options.overrides().containsKey("data.directory")
                ? Path.of(options.overrides().get("data.directory")) : defaultData;
        Path file = data.resolve(DEFAULT_CONFIG);
        return Files.isRegularFile(file) ? ConfigFile.read(file) : Map.of();
    }

    private static int serve(GatewaySettings settings, PrintStream out, PrintStream err, Locale locale,
                             CountDownLatch stop) {
        Clock clock = Clock.systemUTC();
        EngineSettings advisor;
        try {
            advisor = advisorSettings(settings);
        } catch (IOException | CertificateException e) {
            err.println(GatewayText.format(locale, "run.badTrustCa", e.getMessage()));
            return EXIT_USAGE;
        }
        try (Gateway gateway = Gateway.start(settings, advisor, new EventLog(out, clock), clock)) {
            out.println(GatewayText.format(locale, settings.sandbox() ? "run.sandbox" : "run.upstream",
                    settings.upstream().map(u -> u.host() + ":" + u.port()).orElse(""),
                    settings.dataDirectory().resolve("sandbox-outbox")));
            out.println(GatewayText.format(locale, "run.fingerprint", gateway.certificateFingerprint()));
            out.flush();
            stop.await();
            return EXIT_OK;
        } catch (AlreadyRunningException e) {
            err.println(GatewayText.format(locale, "check.otherInstance"));
            return EXIT_FAILED;
        } catch (IOException e) {
            err.println(GatewayText.format(locale, "run.failed", e.getMessage()));
            return EXIT_FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return EXIT_OK;
        }
    }

    private static EngineSettings advisorSettings(GatewaySettings settings) throws IOException, CertificateException {
        List<X509Certificate> extra = new ArrayList<>();
        if (settings.upstream().isPresent() && settings.upstream().get().trustCa().isPresent()) {
            extra.addAll(TrustedCas.readFile(settings.upstream().get().trustCa().get()));
        }
        InetSocketAddress dns = settings.dns().map(HeadlessMain::resolved).orElseGet(HeadlessMain::systemResolver);
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
