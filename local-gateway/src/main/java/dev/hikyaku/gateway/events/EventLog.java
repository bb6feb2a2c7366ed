package dev.hikyaku.gateway.events;

import java.io.PrintStream;
import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.util.Locale;

/**
 * Writes each event as one structured line, {@code ts=... event=accepted message=... size=...}: easy to grep and
 * to parse. Events carry no bodies or secrets, and values are quoted so a hostile address cannot forge a line.
 */
public final class EventLog implements GatewayListener {
    private final PrintStream out;
    private final Clock clock;

    /** Logs to {@code out}, stamping lines with {@code clock}. */
    public EventLog(PrintStream out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    @Override
    public void on(GatewayEvent event) {
        StringBuilder line = new StringBuilder("ts=").append(clock.instant()).append(" event=").append(name(event));
        for (RecordComponent component : event.getClass().getRecordComponents()) {
            line.append(' ').append(component.getName()).append('=').append(quote(value(event, component)));
        }
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }

    private static String name(GatewayEvent event) {
        String simple = event.getClass().getSimpleName();
        return simple.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static String value(GatewayEvent event, RecordComponent component) {
        try {
            Object value = component.getAccessor().invoke(event);
            return String.valueOf(value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("event records expose their components", e);
        }
    }

    private static String quote(String value) {
        boolean plain = !value.isEmpty() && value.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != '"' && c != '\\'
                && c != '=');
        if (plain) {
            return value;
        }
        StringBuilder quoted = new StringBuilder("\"");
        value.codePoints().forEach(c -> {
            if (c == '"' || c == '\\') {
                quoted.append('\\').appendCodePoint(c);
            } else if (c < 0x20 || c == 0x7f) {
                quoted.append(String.format(Locale.ROOT, "\\x%02x", c));
            } else {
                quoted.appendCodePoint(c);
            }
        });
        return quoted.append('"').toString();
    }
}
