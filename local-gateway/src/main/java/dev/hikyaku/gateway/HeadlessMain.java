package dev.hikyaku.gateway;

import dev.hikyaku.advisor.home.DataDirectory;
import dev.hikyaku.gateway.cli.GatewayCheck;
import dev.hikyaku.gateway.cli.GatewayOptions;
import dev.hikyaku.gateway.cli.UsageException;
import dev.hikyaku.gateway.listen.ListenAddressException;
import dev.hikyaku.gateway.listen.ListenEndpoints;
import dev.hikyaku.gateway.text.GatewayText;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/** The gateway without a window: {@code java -jar local-gateway/target/local-gateway.jar}. */
public final class HeadlessMain {
    static final int EXIT_OK = 0;
    static final int EXIT_FAILED = 1;
    static final int EXIT_USAGE = 2;

    private HeadlessMain() {
    }

    /** Entry point. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, Locale.getDefault(),
                Path.of(System.getProperty("user.home")), System.getenv()));
    }

    /** Runs the command line and returns the exit code, with every dependency on the process passed in. */
    static int run(String[] args, PrintStream out, PrintStream err, Locale defaultLocale, Path home,
                   Map<String, String> environment) {
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
        ListenEndpoints endpoints;
        try {
            endpoints = ListenEndpoints.of(options.bindAddresses(), options.port(), options.allowNonLoopback());
        } catch (ListenAddressException e) {
            err.println(e.message(locale));
            return EXIT_USAGE;
        }
        Path dataDirectory = options.dataDirectory()
                .orElseGet(() -> DataDirectory.forUser(System.getProperty("os.name"), home, environment));
        return new GatewayCheck(out, locale).run(endpoints, dataDirectory) ? EXIT_OK : EXIT_FAILED;
    }
}
