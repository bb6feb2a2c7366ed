package dev.hikyaku.bench.relay;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Lays out the relay bench's figures as the same two-column text table the tls-advisor bench prints. */
final class RelayFigureTable {
    private static final String ROW = "  %-54s %s";

    private final List<String> lines = new ArrayList<>();

    /** The table for a run that measured something. */
    static String render(Instant started, RelayFigures f) {
        RelayFigureTable table = new RelayFigureTable();
        table.header(started, "Postfix " + f.postfixVersion());
        table.load(f);
        table.big(f);
        return table.text();
    }

    /** The table for a run that could measure nothing, saying why. */
    static String notMeasured(Instant started, String reason) {
        RelayFigureTable table = new RelayFigureTable();
        table.header(started, "no Postfix");
        table.row("all figures", "not measured: " + reason);
        return table.text();
    }

    private void header(Instant started, String postfix) {
        lines.add(String.format(Locale.ROOT, "gateway relay bench, %s; %d cores, Java %s, %s %s; %s", started,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                System.getProperty("os.name"), System.getProperty("os.arch"), postfix));
    }

    private void load(RelayFigures f) {
        lines.add(String.format(Locale.ROOT, "1. %d messages of %d KiB over %d sessions (smtp-source), until"
                        + " smtp-sink has all; %d rounds alternating relays after %d untimed", LoadRun.MESSAGES,
                LoadRun.MESSAGE_BYTES / 1024, LoadRun.SESSIONS, LoadComparison.ROUNDS, LoadRun.WARM_UP_MESSAGES));
        loadRows("Postfix relay", f.postfixLoad());
        loadRows("gateway", f.gatewayLoad());
        f.gatewayLoadPeakRssKib().ifPresent(kib -> row("gateway peak RSS (VmHWM), default heap", mib(kib)));
        if (f.gatewayLoad() instanceof LoadFigures.Measured ours
                && f.postfixLoad() instanceof LoadFigures.Measured theirs) {
            row("ratio gateway / Postfix, median msg/s (>1: faster)",
                    ratio(ours.medianMessagesPerSecond() / theirs.medianMessagesPerSecond()));
        }
    }

    private void loadRows(String relay, LoadFigures figures) {
        if (figures instanceof LoadFigures.Measured m) {
            row(relay + ": messages/s, median (slowest..fastest)", String.format(Locale.ROOT, "%.1f (%.1f..%.1f)",
                    m.medianMessagesPerSecond(), m.slowestMessagesPerSecond(), m.fastestMessagesPerSecond()));
            row(relay + ": median all at sink / smtp-source done", seconds(m.delivered().medianNanos()) + " / "
                    + seconds(m.submitted().medianNanos()));
        } else if (figures instanceof LoadFigures.NotMeasured n) {
            row(relay, "not measured: " + n.reason());
        }
    }

    private void big(RelayFigures f) {
        lines.add(String.format(Locale.ROOT, "2. one %d MiB message (%d bytes on the wire, base64 attachment;"
                        + " smtp-source -F), until smtp-sink has it", BigMessage.SIZE / (1024 * 1024),
                f.bigWireBytes()));
        bigRows("Postfix relay", f.postfixBig());
        bigRows("gateway -Xmx" + RelayBenchMain.BIG_HEAP, f.gatewayBig());
        if (f.gatewayIdlePeakRssKib().isPresent() && f.gatewayBigPeakRssKib().isPresent()) {
            row("gateway peak RSS (VmHWM) before / after; heap cap", mib(f.gatewayIdlePeakRssKib().getAsLong())
                    + " / " + mib(f.gatewayBigPeakRssKib().getAsLong()) + "; " + RelayBenchMain.BIG_HEAP_MIB + " MiB");
        }
        if (f.gatewayBig() instanceof BigFigures.Delivered ours
                && f.postfixBig() instanceof BigFigures.Delivered theirs) {
            row("ratio gateway / Postfix, time (<1: faster)", ratio((double) ours.nanos() / theirs.nanos()));
        }
    }

    private void bigRows(String relay, BigFigures figures) {
        if (figures instanceof BigFigures.Delivered d) {
            row(relay + ": time; MIME parts intact at sink", seconds(d.nanos()) + "; "
                    + (d.intact() ? "yes" : "NO") + " (sink's copy " + d.sinkBytes() + " bytes)");
        } else if (figures instanceof BigFigures.NotMeasured n) {
            row(relay, "not measured: " + n.reason());
        }
    }

    private void row(String figure, String value) {
        lines.add(String.format(Locale.ROOT, ROW, figure, value));
    }

    private String text() {
        return String.join(System.lineSeparator(), lines) + System.lineSeparator();
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    }

    private static String mib(long kib) {
        return String.format(Locale.ROOT, "%.1f MiB", kib / 1024.0);
    }

    private static String ratio(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
