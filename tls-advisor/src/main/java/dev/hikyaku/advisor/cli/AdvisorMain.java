package dev.hikyaku.advisor.cli;

import dev.hikyaku.advisor.evidence.DomainReport;
import dev.hikyaku.advisor.home.DataDirectory;
import dev.hikyaku.advisor.route.HostDefaults;
import dev.hikyaku.advisor.route.RecipientDomain;
import dev.hikyaku.advisor.route.RouteAdvisor;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** The advisor's command line: {@code java -jar tls-advisor.jar check [options] ADDRESS_OR_DOMAIN...}. */
public final class AdvisorMain {
    static final int EXIT_OK = 0;
    static final int EXIT_SOME_INVALID = 1;
    static final int EXIT_USAGE = 2;

    private AdvisorMain() {
    }

    /** Entry point. */
    public static void main(String[] args) {
        Path cache = DataDirectory.forUser(System.getProperty("os.name"), Path.of(System.getProperty("user.home")),
                System.getenv()).resolve("verdicts.db");
        System.exit(run(args, System.out, System.err, Locale.getDefault(), HostDefaults.systemResolver(), cache,
                HostDefaults.localHostName(), Clock.systemUTC()));
    }

    /** Runs the command line and returns the exit code, with every dependency on the process passed in. */
    static int run(String[] args, PrintStream out, PrintStream err, Locale defaultLocale, InetSocketAddress systemDns,
                   Path cacheFile, String ehloName, Clock clock) {
        List<String> words = Arrays.asList(args);
        AdvisorText text = new AdvisorText(CheckOptions.languageOf(words, defaultLocale));
        if (words.isEmpty() || words.get(0).equals("help") || words.contains("--help") || words.contains("-h")) {
            (words.isEmpty() ? err : out).println(text.format("usage"));
            return words.isEmpty() ? EXIT_USAGE : EXIT_OK;
        }
        if (!words.get(0).equals("check")) {
            return usage(err, text, new UsageException("usage.unknownCommand", words.get(0)));
        }
        CheckOptions options;
        try {
            options = CheckOptions.parse(words.subList(1, words.size()), defaultLocale);
        } catch (UsageException e) {
            return usage(err, text, e);
        }
        try (AdvisorRuntime runtime = AdvisorRuntime.open(options, systemDns, cacheFile, ehloName, clock)) {
            return check(options, runtime.advisor(), out, err, text);
        } catch (UsageException e) {
            err.println(text.format(e.messageKey(), e.values()));
            return EXIT_USAGE;
        }
    }

    private static int check(CheckOptions options, RouteAdvisor advisor, PrintStream out, PrintStream err,
                             AdvisorText text) {
        // Every domain starts at once; results print in the order asked, as each is ready.
        List<Optional<CompletableFuture<DomainReport>>> pending = new ArrayList<>();
        boolean someInvalid = false;
        for (String target : options.targets()) {
            try {
                pending.add(Optional.of(advisor.check(RecipientDomain.parse(target), options.fresh())));
            } catch (IllegalArgumentException e) {
                pending.add(Optional.empty());
                someInvalid = true;
            }
        }
        ReportPrinter printer = new ReportPrinter(out, text, options.json(), options.verbose());
        for (int i = 0; i < pending.size(); i++) {
            if (pending.get(i).isEmpty()) {
                err.println(text.format("target.invalid", options.targets().get(i)));
            } else {
                printer.print(pending.get(i).get().join());
            }
        }
        return someInvalid ? EXIT_SOME_INVALID : EXIT_OK;
    }

    private static int usage(PrintStream err, AdvisorText text, UsageException e) {
        err.println(text.format(e.messageKey(), e.values()));
        err.println(text.format("usage"));
        return EXIT_USAGE;
    }
}
