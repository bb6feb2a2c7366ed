package dev.hikyaku.gateway;

import dev.hikyaku.advisor.home.DataDirectory;
import dev.hikyaku.advisor.route.EngineSettings;
import dev.hikyaku.gateway.cli.GatewayCheck;
import dev.hikyaku.gateway.cli.GatewayOptions;
import dev.hikyaku.gateway.cli.UsageException;
import dev.hikyaku.gateway.config.ConfigException;
import dev.hikyaku.gateway.config.GatewaySettings;
import dev.hikyaku.gateway.events.EventLog;
import dev.hikyaku.gateway.launch.AdvisorSettings;
import dev.hikyaku.gateway.launch.GatewayConfiguration;
import dev.hikyaku.gateway.text.GatewayText;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/** The gateway without a window: {@code java -jar local-gateway/target/local-gateway.jar run --config FILE}. */
public final class HeadlessMain {
    static final int EXIT_OK = 0;
    static final int EXIT_FAILED = 1;
    static final int EXIT_USAGE = 2;

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
            settings = GatewayConfiguration.read(options.configFile(), options.overrides(), defaultData);
        } catch (ConfigException e) {
            err.println(e.message(locale));
            return EXIT_USAGE;
        }
        if (options.command().equals("check")) {
            return new GatewayCheck(out, locale).run(settings.listen(), settings.dataDirectory()) ? EXIT_OK : EXIT_FAILED;
        }
        return serve(settings, out, err, locale, stop);
    }

    private static int serve(GatewaySettings settings, PrintStream out, PrintStream err, Locale locale,
                             CountDownLatch stop) {
        Clock clock = Clock.systemUTC();
        EngineSettings advisor;
        try {
            advisor = AdvisorSettings.forGateway(settings);
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
}
