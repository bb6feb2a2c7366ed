package dev.hikyaku.bench.relay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * Measures the local gateway as an SMTP relay beside a stock Postfix relay, both delivering to Postfix's
 * smtp-sink on 127.0.0.1, and prints the figures; asserts nothing about time.
 * Usage: {@code RelayBenchMain gateway-jar [report-file]}; the table goes to standard output and, when given,
 * to the file.
 */
public final class RelayBenchMain {
    /** The heap cap of the gateway that relays the large message, as the issue asks. */
    static final String BIG_HEAP = "256m";
    static final int BIG_HEAP_MIB = 256;
    private static final String POSTFIX = "Postfix relay";
    private static final String GATEWAY = "gateway";

    private final PostfixTools tools;
    private final Path gatewayJar;
    private final Path work;

    private RelayBenchMain(PostfixTools tools, Path gatewayJar, Path work) {
        this.tools = tools;
        this.gatewayJar = gatewayJar;
        this.work = work;
    }

    /**
     * Starts both relays and alternates the load between them, then sends the large message through each; a relay
     * that cannot be measured says why in its rows.
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: RelayBenchMain gateway-jar [report-file]");
            System.exit(2);
        }
        Clock clock = Clock.systemUTC();
        Instant started = clock.instant();
        Optional<PostfixTools> tools = PostfixTools.find();
        String table;
        if (tools.isEmpty()) {
            table = RelayFigureTable.notMeasured(started, "Postfix is not installed (smtp-sink and smtp-source come"
                    + " with it; Debian: apt-get install postfix, see bench/README.md)");
        } else {
            Path work = Files.createTempDirectory("hikyaku-relay-bench");
            try {
                // Postfix's daemons and smtp-sink drop root; they must be able to reach their directories below.
                Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
                table = RelayFigureTable.render(started, new RelayBenchMain(tools.get(), Path.of(args[0]), work)
                        .measure(clock));
            } finally {
                deleteTree(work);
            }
        }
        System.out.print(table);
        if (args.length > 1) {
            Path report = Path.of(args[1]);
            if (report.getParent() != null) {
                Files.createDirectories(report.getParent());
            }
            Files.writeString(report, table);
            System.out.println("written to " + report);
        }
    }

    private RelayFigures measure(Clock clock) throws IOException, InterruptedException {
        BigMessage message = BigMessage.write(work.resolve("big-message.eml"), clock);
        Path copies = Files.createDirectory(work.resolve("sink-copies"));
        if (ProcessOwner.isRoot()) {
            ProcessOwner.handToPostfix(copies);
        }
        try (SmtpSink counting = SmtpSink.start(tools, Optional.empty());
             SmtpSink copying = SmtpSink.start(tools, Optional.of(copies))) {
            SmtpSource source = new SmtpSource(tools.smtpSource(), work);
            BigMessageRun big = new BigMessageRun(source, copying, copies, message);
            Attempt<PostfixRelay> postfix = startPostfix(counting.port(), copying.port());
            Loads loads;
            BigFigures postfixBig;
            try {
                loads = measureLoads(new LoadRun(source, counting), postfix);
                postfixBig = postfix.running().isPresent() ? big.run(postfix.running().get().port())
                        : new BigFigures.NotMeasured(postfix.problem());
            } finally {
                if (postfix.running().isPresent()) {
                    postfix.running().get().close();
                }
            }
            GatewayBig gatewayBig = measureGatewayBig(big, copying.port());
            return new RelayFigures(tools.version(), loads.postfix(), loads.gateway(), loads.gatewayPeakRssKib(),
                    message.wireBytes(), postfixBig, gatewayBig.figures(), gatewayBig.idlePeakRssKib(),
                    gatewayBig.peakRssKib());
        }
    }

    /** The load's figures for both relays, and the gateway's peak RSS after it. */
    private record Loads(LoadFigures postfix, LoadFigures gateway, OptionalLong gatewayPeakRssKib) {
    }

    /** Starts a gateway beside the running Postfix relay and alternates the load between the two. */
    private Loads measureLoads(LoadRun load, Attempt<PostfixRelay> postfix) throws IOException, InterruptedException {
        Attempt<GatewayProcess> gateway = startGateway(List.of(), "gateway-load", load.sinkPort());
        try {
            List<LoadComparison.Target> targets = new ArrayList<>();
            postfix.running().ifPresent(relay -> targets.add(new LoadComparison.Target(POSTFIX, relay.port())));
            gateway.running().ifPresent(ours -> targets.add(new LoadComparison.Target(GATEWAY, ours.port())));
            Map<String, LoadFigures> figures = new LoadComparison(load).run(targets);
            LoadFigures postfixLoad = figures.getOrDefault(POSTFIX, new LoadFigures.NotMeasured(postfix.problem()));
            if (gateway.running().isEmpty()) {
                return new Loads(postfixLoad, new LoadFigures.NotMeasured(gateway.problem()), OptionalLong.empty());
            }
            GatewayProcess ours = gateway.running().get();
            return new Loads(postfixLoad, withGatewaysWords(figures.get(GATEWAY), ours), ours.peakRssKib());
        } finally {
            if (gateway.running().isPresent()) {
                gateway.running().get().close();
            }
        }
    }

    /** The large message through a fresh gateway with a capped heap, and its peak RSS before and after. */
    private record GatewayBig(BigFigures figures, OptionalLong idlePeakRssKib, OptionalLong peakRssKib) {
    }

    private GatewayBig measureGatewayBig(BigMessageRun big, int copyPort) throws IOException, InterruptedException {
        Attempt<GatewayProcess> gateway = startGateway(List.of("-Xmx" + BIG_HEAP), "gateway-big", copyPort);
        if (gateway.running().isEmpty()) {
            return new GatewayBig(new BigFigures.NotMeasured(gateway.problem()), OptionalLong.empty(),
                    OptionalLong.empty());
        }
        try (GatewayProcess ours = gateway.running().get()) {
            OptionalLong idle = ours.peakRssKib();
            BigFigures figures = big.run(ours.port());
            if (figures instanceof BigFigures.NotMeasured failed && ours.said().isPresent()) {
                figures = new BigFigures.NotMeasured(failed.reason() + "; the gateway said: " + ours.said().get());
            }
            return new GatewayBig(figures, idle, ours.peakRssKib());
        }
    }

    /** A relay that was started, or why it could not be. */
    private record Attempt<T>(Optional<T> running, String problem) {
        static <T> Attempt<T> started(T running) {
            return new Attempt<>(Optional.of(running), "");
        }

        static <T> Attempt<T> failed(String problem) {
            return new Attempt<>(Optional.empty(), problem);
        }
    }

    private Attempt<PostfixRelay> startPostfix(int sinkPort, int copyPort) throws InterruptedException {
        if (!ProcessOwner.isRoot()) {
            return Attempt.failed("a private Postfix instance has to be started as root");
        }
        try {
            return Attempt.started(PostfixRelay.start(tools, work, sinkPort, BigMessage.DOMAIN, copyPort));
        } catch (IOException e) {
            return Attempt.failed("Postfix did not start: " + e.getMessage());
        }
    }

    private Attempt<GatewayProcess> startGateway(List<String> jvmOptions, String dataDirectory, int upstreamPort)
            throws IOException, InterruptedException {
        try {
            return Attempt.started(GatewayProcess.start(gatewayJar, jvmOptions,
                    Files.createDirectory(work.resolve(dataDirectory)), upstreamPort));
        } catch (GatewayProcess.Unavailable e) {
            return Attempt.failed(e.getMessage());
        }
    }

    /** A failed load's reason with the gateway's last log lines, which usually say what went wrong. */
    private static LoadFigures withGatewaysWords(LoadFigures figures, GatewayProcess gateway) {
        if (figures instanceof LoadFigures.NotMeasured failed && gateway.said().isPresent()) {
            return new LoadFigures.NotMeasured(failed.reason() + "; the gateway said: " + gateway.said().get());
        }
        return figures;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
