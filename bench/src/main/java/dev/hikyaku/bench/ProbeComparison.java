package dev.hikyaku.bench;

import dev.hikyaku.advisor.probe.ProbeOutcome;
import dev.hikyaku.advisor.probe.StartTlsProbe;
import dev.hikyaku.testworld.reference.PostTlsFinger;
import java.io.IOException;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;

/**
 * Probes one STARTTLS MX again and again, one probe at a time, with our {@link StartTlsProbe} and with
 * posttls-finger. Each of our probes opens a new connection with a new SSLContext, so no TLS session is resumed.
 */
final class ProbeComparison {
    /** Timed runs of each prober. */
    static final int RUNS = 20;
    /** Untimed probes between the cold one and the timed ones, so the JIT has compiled the probe's path. */
    static final int WARM_UP = 200;

    private final BenchWorld world;
    private final Clock clock;

    ProbeComparison(BenchWorld world, Clock clock) {
        this.world = world;
        this.clock = clock;
    }

    ProbeFigures run() throws IOException, InterruptedException {
        String host = world.firstTlsHost();
        InetAddress address = world.firstTlsAddress();
        StartTlsProbe probe = new StartTlsProbe(BenchAdvisor.probeSettings(world), clock, new SecureRandom());
        long coldStart = System.nanoTime();
        probe.probe(host, address);
        long cold = System.nanoTime() - coldStart;
        for (int i = 0; i < WARM_UP; i++) {
            probe.probe(host, address);
        }
        long[] ours = new long[RUNS];
        ProbeOutcome last = null;
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            last = probe.probe(host, address);
            ours[i] = System.nanoTime() - start;
        }
        String target = host + " [" + address.getHostAddress() + "]:" + world.smtpPort();
        Optional<PostTlsFinger> finger = PostTlsFinger.find(world.ca().rootPem());
        if (finger.isEmpty()) {
            return new ProbeFigures(target, cold, new Samples(ours), describe(last), Optional.empty(),
                    "posttls-finger not installed (Debian: apt-get install postfix, see bench/README.md)");
        }
        try (PostTlsFinger program = finger.get()) {
            long[] theirs = new long[RUNS];
            PostTlsFinger.Run run = null;
            for (int i = 0; i < RUNS; i++) {
                long start = System.nanoTime();
                run = program.probe(host, address, world.smtpPort());
                theirs[i] = System.nanoTime() - start;
            }
            String summary = run.sawTls() ? run.summary() : "NO TLS SEEN (exit " + run.exitCode() + "): " + run.summary();
            return new ProbeFigures(target, cold, new Samples(ours), describe(last), Optional.of(new Samples(theirs)),
                    summary);
        }
    }

    private static String describe(ProbeOutcome outcome) {
        if (outcome instanceof ProbeOutcome.Tls tls) {
            return "STARTTLS " + tls.session().protocol() + " " + tls.session().cipherSuite() + ", chain of "
                    + tls.session().chain().size();
        }
        return outcome.getClass().getSimpleName();
    }
}
