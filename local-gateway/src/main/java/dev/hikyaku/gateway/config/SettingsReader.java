package dev.hikyaku.gateway.config;

import dev.hikyaku.gateway.delivery.UpstreamSecurity;
import dev.hikyaku.gateway.guard.GuardSettings;
import dev.hikyaku.gateway.listen.ListenAddressException;
import dev.hikyaku.gateway.listen.ListenEndpoints;
import dev.hikyaku.gateway.release.OverduePolicy;
import dev.hikyaku.gateway.release.ReleaseSettings;
import dev.hikyaku.gateway.release.RetrySchedule;
import dev.hikyaku.gateway.smime.SmimeSettings;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns configuration values into {@link GatewaySettings}, refusing unknown keys and bad values by name. */
public final class SettingsReader {
    /** Every key the file may hold, with its default ("" means none). The README documents each. */
    public static final Map<String, String> DEFAULTS = defaults();

    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})\\s*(s|m|h|d)");
    private static final Pattern SIZE = Pattern.compile("(\\d{1,12})\\s*(|k|kb|kib|m|mb|mib)", Pattern.CASE_INSENSITIVE);
    private static final Pattern HOST_PORT = Pattern.compile("\\[?([^\\[\\]]+?)\\]?:(\\d{1,5})");

    private final Map<String, ConfigValue> values;

    private SettingsReader(Map<String, ConfigValue> values) {
        this.values = values;
    }

    /** The settings from {@code file} values overridden by {@code overrides}; {@code home} is the default data folder. */
    public static GatewaySettings read(Map<String, ConfigValue> file, Map<String, String> overrides, Path home) {
        return read(file, overrides, home, ZoneId.systemDefault());
    }

    /** As {@link #read(Map, Map, Path)}, with {@code systemZone} for the guards when {@code guard.time-zone} is empty. */
    public static GatewaySettings read(Map<String, ConfigValue> file, Map<String, String> overrides, Path home,
                                       ZoneId systemZone) {
        Map<String, ConfigValue> merged = new LinkedHashMap<>(file);
        overrides.forEach((key, value) -> merged.put(key, new ConfigValue(key, value, 0)));
        for (ConfigValue value : merged.values()) {
            if (!DEFAULTS.containsKey(value.key())) {
                throw new ConfigException("config.unknownKey", value.key(), where(value), String.join(", ", DEFAULTS.keySet()));
            }
        }
        return new SettingsReader(merged).settings(home, systemZone);
    }

    private GatewaySettings settings(Path home, ZoneId systemZone) {
        ListenEndpoints listen;
        try {
            listen = ListenEndpoints.of(list("listen.bind"), port("listen.port"), yesNo("listen.allow-non-loopback"));
        } catch (ListenAddressException e) {
            throw new ConfigException("config.badListen", "listen.bind", where(value("listen.bind")), e);
        }
        Optional<Integer> implicit = text("listen.implicit-tls-port").isEmpty() ? Optional.empty()
                : Optional.of(port("listen.implicit-tls-port"));
        // Every value is checked even when unused (no upstream yet), so a mistake shows before it matters.
        UpstreamTarget target = new UpstreamTarget(text("upstream.host"), port("upstream.port"), security(),
                file("upstream.trust-ca"), yesNo("upstream.keychain"));
        Optional<UpstreamTarget> upstream = target.host().isEmpty() ? Optional.empty() : Optional.of(target);
        ReleaseSettings release = new ReleaseSettings(duration("delivery.overdue-after"),
                overdue(), new RetrySchedule(Duration.ofMinutes(1), Duration.ofHours(1), duration("delivery.retry-for")),
                yesNo("upstream.requiretls"), Duration.ofSeconds(15), count("delivery.parallel", 1, 64),
                Duration.ofSeconds(30));
        Optional<InetSocketAddress> dns = text("dns.server").isEmpty() ? Optional.empty()
                : Optional.of(hostPort("dns.server"));
        Path data = text("data.directory").isEmpty() ? home : Path.of(text("data.directory"));
        GuardSettings guard = new GuardSettingsReader(this, systemZone).guard();
        return new GatewaySettings(listen, implicit, yesNo("listen.starttls"), upstream, release, dns,
                size("limits.message-size"), count("limits.recipients", 1, 100_000), data,
                guard, new PackagingSettingsReader(this).policy(guard.domains().internalSkipsPackaging()),
                new SmimeSettings(yesNo("smime.encrypt"), file("smime.trust-ca"), yesNo("smime.keychain"),
                        yesNo("smime.forward-readable"), yesNo("smime.check-revocation")),
                file("dns.trust-anchors"));
    }

    ConfigValue value(String key) {
        return values.getOrDefault(key, new ConfigValue(key, DEFAULTS.get(key), -1));
    }

    String text(String key) {
        return value(key).value();
    }

    List<String> list(String key) {
        String text = text(key);
        return text.isEmpty() ? List.of() : Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .toList();
    }

    private int port(String key) {
        return (int) number(key, text(key), 1, 65_535, "config.badPort");
    }

    int count(String key, int min, int max) {
        return (int) number(key, text(key), min, max, "config.badCount");
    }

    private long number(String key, String text, long min, long max, String problem) {
        try {
            long number = Long.parseLong(text);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // Falls through to the message that names the key and the allowed range.
        }
        throw new ConfigException(problem, key, where(value(key)), text, Long.toString(min), Long.toString(max));
    }

    boolean yesNo(String key) {
        return switch (text(key).toLowerCase(Locale.ROOT)) {
            case "yes", "true", "on" -> true;
            case "no", "false", "off" -> false;
            default -> throw new ConfigException("config.badYesNo", key, where(value(key)), text(key));
        };
    }

    Duration duration(String key) {
        Matcher matcher = DURATION.matcher(text(key).toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new ConfigException("config.badDuration", key, where(value(key)), text(key));
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }

    long size(String key) {
        Matcher matcher = SIZE.matcher(text(key).replace(" ", ""));
        if (!matcher.matches()) {
            throw new ConfigException("config.badSize", key, where(value(key)), text(key));
        }
        long amount = Long.parseLong(matcher.group(1));
        long unit = switch (matcher.group(2).toLowerCase(Locale.ROOT)) {
            case "k", "kib" -> 1024;
            case "kb" -> 1000;
            case "m", "mib" -> 1024 * 1024;
            case "mb" -> 1_000_000;
            default -> 1;
        };
        long bytes = amount * unit;
        if (bytes < 1024 || bytes > 2L * 1024 * 1024 * 1024) {
            throw new ConfigException("config.badSize", key, where(value(key)), text(key));
        }
        return bytes;
    }

    private UpstreamSecurity security() {
        return switch (text("upstream.security").toLowerCase(Locale.ROOT)) {
            case "starttls" -> UpstreamSecurity.STARTTLS_REQUIRED;
            case "tls" -> UpstreamSecurity.IMPLICIT_TLS;
            case "none" -> UpstreamSecurity.NONE;
            default -> throw new ConfigException("config.badSecurity", "upstream.security",
                    where(value("upstream.security")), text("upstream.security"));
        };
    }

    private OverduePolicy overdue() {
        return switch (text("delivery.overdue").toLowerCase(Locale.ROOT)) {
            case "ask" -> OverduePolicy.ASK;
            case "send" -> OverduePolicy.SEND;
            default -> throw new ConfigException("config.badOverdue", "delivery.overdue", where(value("delivery.overdue")),
                    text("delivery.overdue"));
        };
    }

    private Optional<Path> file(String key) {
        if (text(key).isEmpty()) {
            return Optional.empty();
        }
        Path path = Path.of(text(key));
        if (!Files.isReadable(path)) {
            throw new ConfigException("config.badFile", key, where(value(key)), text(key));
        }
        return Optional.of(path);
    }

    private InetSocketAddress hostPort(String key) {
        Matcher matcher = HOST_PORT.matcher(text(key));
        if (!matcher.matches()) {
            throw new ConfigException("config.badHostPort", key, where(value(key)), text(key));
        }
        int port = (int) number(key, matcher.group(2), 1, 65_535, "config.badPort");
        return InetSocketAddress.createUnresolved(matcher.group(1), port);
    }

    /** The line number for the message's choice format: a line, 0 for the command line, -1 for the default. */
    static int where(ConfigValue value) {
        return value.line();
    }

    private static Map<String, String> defaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("listen.port", Integer.toString(ListenEndpoints.DEFAULT_PORT));
        defaults.put("listen.bind", "");
        defaults.put("listen.allow-non-loopback", "no");
        defaults.put("listen.implicit-tls-port", "");
        defaults.put("listen.starttls", "yes");
        defaults.put("upstream.host", "");
        defaults.put("upstream.port", "587");
        defaults.put("upstream.security", "starttls");
        defaults.put("upstream.trust-ca", "");
        defaults.put("upstream.requiretls", "yes");
        defaults.put("upstream.keychain", "no");
        defaults.put("delivery.hold", "0m");
        defaults.put("delivery.retry-for", "5d");
        defaults.put("delivery.overdue-after", "1d");
        defaults.put("delivery.overdue", "ask");
        defaults.put("delivery.parallel", "4");
        defaults.put("dns.server", "");
        defaults.put("dns.trust-anchors", "");
        defaults.put("limits.message-size", "64MiB");
        defaults.put("limits.recipients", "1000");
        defaults.put("data.directory", "");
        GuardSettingsReader.addDefaults(defaults);
        PackagingSettingsReader.addDefaults(defaults);
        defaults.put("smime.encrypt", "yes");
        defaults.put("smime.trust-ca", "");
        defaults.put("smime.keychain", "no");
        defaults.put("smime.forward-readable", "yes");
        defaults.put("smime.check-revocation", "yes");
        return Collections.unmodifiableMap(defaults);
    }
}
