package dev.hikyaku.bench.plan;

import dev.hikyaku.advisor.certificate.TrustedCas;
import dev.hikyaku.advisor.dnssec.TrustAnchors;
import dev.hikyaku.advisor.route.AdvisorEngine;
import dev.hikyaku.advisor.route.EngineSettings;
import dev.hikyaku.advisor.store.MemoryVerdictStore;
import dev.hikyaku.bench.Samples;
import dev.hikyaku.gateway.plan.PackagingPolicy;
import dev.hikyaku.gateway.plan.Planner;
import dev.hikyaku.gateway.plan.SendPlan;
import dev.hikyaku.gateway.verdicts.VerdictBook;
import dev.hikyaku.testworld.ca.FixtureCa;
import dev.hikyaku.testworld.dns.DnsWorld;
import dev.hikyaku.testworld.dns.Zone;
import dev.hikyaku.testworld.smtp.MxBehaviour;
import dev.hikyaku.testworld.smtp.MxGroup;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * How long a send plan takes for messages to 1, 10 and 100 recipient domains (three recipients each), with
 * every verdict fresh (probed now) and from the cache, beside the time of one probe of one domain: a plan
 * should be ready within about one probe time because the domains are asked at once.
 */
public final class PlanBenchMain {
    private static final int DOMAINS = 100;
    private static final int SERVERS = 10;
    private static final int ROUNDS = 5;

    private PlanBenchMain() {
    }

    /** Runs the bench; the first argument, if any, is a file that also gets the table. */
    public static void main(String[] args) throws Exception {
        FixtureCa ca = FixtureCa.create();
        try (DnsWorld dns = DnsWorld.start();
             MxGroup mx = MxGroup.start(servers(ca))) {
            for (int round = 0; round < 2 * ROUNDS + 1; round++) {
                Zone zone = dns.zone("r" + round + ".bench.test");
                for (int domain = 0; domain < DOMAINS; domain++) {
                    zone.add("d" + domain + ".r" + round + ".bench.test. MX 10 mx" + domain % SERVERS + ".bench.test.");
                }
            }
            Zone hosts = dns.zone("bench.test");
            for (int server = 0; server < SERVERS; server++) {
                hosts.add("mx" + server + ".bench.test. A " + MxGroup.addressOf(server).getHostAddress());
            }
            EngineSettings settings = new EngineSettings(dns.address(), TrustAnchors.fromText(dns.trustAnchors()),
                    TrustedCas.systemPlus(List.of(ca.root())), mx.port(), 443, Duration.ofSeconds(5), "bench.test");
            String table = measure(settings, "on loopback (a probe costs CPU only)", 1);
            // 150 ms before each greeting: a server far away, where a probe mostly waits.
            mx.servers().forEach(server -> server.delayGreetings(Duration.ofMillis(150)));
            table += "\n" + measure(settings, "with 150 ms before each MX greeting (a server far away)",
                    1 + ROUNDS);
            System.out.println(table);
            if (args.length > 0) {
                Files.writeString(Path.of(args[0]), table, StandardCharsets.UTF_8);
            }
        }
    }

    private static List<MxBehaviour> servers(FixtureCa ca) {
        List<MxBehaviour> servers = new ArrayList<>();
        for (int server = 0; server < SERVERS; server++) {
            servers.add(MxBehaviour.startTls(ca.server("mx" + server + ".bench.test")));
        }
        return servers;
    }

    /** Times rounds {@code first} .. {@code first + ROUNDS - 1}, each on its own fresh domain names. */
    private static String measure(EngineSettings settings, String title, int first) throws Exception {
        // Round 0 warms the JIT and the TLS code; its figures are dropped.
        plans(settings, 0, List.of(1, 10, 100));
        long[] probe = new long[ROUNDS];
        long[][] fresh = new long[3][ROUNDS];
        long[][] cached = new long[3][ROUNDS];
        int[] sizes = {1, 10, 100};
        for (int round = first; round < first + ROUNDS; round++) {
            try (AdvisorEngine engine = new AdvisorEngine(settings, new MemoryVerdictStore(), Clock.systemUTC())) {
                VerdictBook book = new VerdictBook(engine.advisor());
                long started = System.nanoTime();
                book.reportLater("x@d99.r" + round + ".bench.test").get(60, TimeUnit.SECONDS);
                probe[round - first] = System.nanoTime() - started;
            }
            for (int i = 0; i < sizes.length; i++) {
                try (AdvisorEngine engine = new AdvisorEngine(settings, new MemoryVerdictStore(), Clock.systemUTC())) {
                    Planner planner = planner(engine);
                    List<String> recipients = recipients(round, sizes[i]);
                    fresh[i][round - first] = time(planner, recipients);
                    cached[i][round - first] = time(planner, recipients);
                }
            }
        }
        StringBuilder table = new StringBuilder("send plan (3 recipients per domain), " + title + ", median of "
                + ROUNDS + " rounds\n");
        long oneProbe = new Samples(probe).medianNanos();
        table.append(String.format(Locale.ROOT, "  %-34s %10s%n", "one probe of one domain", ms(oneProbe)));
        for (int i = 0; i < sizes.length; i++) {
            long freshMedian = new Samples(fresh[i]).medianNanos();
            long cachedMedian = new Samples(cached[i]).medianNanos();
            table.append(String.format(Locale.ROOT, "  %-34s %10s   %.2f probe times%n",
                    sizes[i] + " domains, fresh", ms(freshMedian), (double) freshMedian / oneProbe));
            table.append(String.format(Locale.ROOT, "  %-34s %10s   %.4f probe times%n",
                    sizes[i] + " domains, cached", ms(cachedMedian), (double) cachedMedian / oneProbe));
        }
        return table.toString();
    }

    private static void plans(EngineSettings settings, int round, List<Integer> sizes) throws Exception {
        for (int size : sizes) {
            try (AdvisorEngine engine = new AdvisorEngine(settings, new MemoryVerdictStore(), Clock.systemUTC())) {
                time(planner(engine), recipients(round, size));
            }
        }
    }

    private static Planner planner(AdvisorEngine engine) {
        return new Planner(new VerdictBook(engine.advisor()), PackagingPolicy.defaults(), domain -> false,
                address -> false, Clock.systemUTC());
    }

    private static List<String> recipients(int round, int domains) {
        List<String> recipients = new ArrayList<>();
        for (int domain = 0; domain < domains; domain++) {
            for (int person = 0; person < 3; person++) {
                recipients.add("user" + person + "@d" + domain + ".r" + round + ".bench.test");
            }
        }
        return recipients;
    }

    private static long time(Planner planner, List<String> recipients) throws Exception {
        long started = System.nanoTime();
        SendPlan plan = planner.plan("bench", recipients).get(120, TimeUnit.SECONDS);
        long elapsed = System.nanoTime() - started;
        if (plan.groups().isEmpty()) {
            throw new IOException("an empty plan");
        }
        return elapsed;
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }
}
