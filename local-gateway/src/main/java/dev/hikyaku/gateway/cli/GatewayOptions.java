package dev.hikyaku.gateway.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The headless gateway's command line, parsed: the command, the configuration file, and the options that
 * override single settings of that file (as configuration keys, so both are validated the same way).
 *
 * @param command    {@code run}, {@code check} or {@code help}
 * @param configFile the configuration file named by {@code --config}, if any
 * @param overrides  configuration keys set on the command line
 * @param locale     the language of messages
 */
public record GatewayOptions(String command, Optional<Path> configFile, Map<String, String> overrides, Locale locale) {

    /** Parses {@code args}; throws {@link UsageException} with a message key on anything it does not understand. */
    public static GatewayOptions parse(List<String> args, Locale defaultLocale) {
        String command = null;
        Optional<Path> config = Optional.empty();
        Map<String, String> overrides = new LinkedHashMap<>();
        Locale locale = defaultLocale;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--help", "-h" -> command = "help";
                case "--config" -> config = Optional.of(Path.of(value(args, ++i, arg)));
                case "--port" -> overrides.put("listen.port", value(args, ++i, arg));
                case "--implicit-tls-port" -> overrides.put("listen.implicit-tls-port", value(args, ++i, arg));
                case "--bind" -> overrides.merge("listen.bind", value(args, ++i, arg), (a, b) -> a + "," + b);
                case "--allow-non-loopback" -> overrides.put("listen.allow-non-loopback", "yes");
                case "--data-dir" -> overrides.put("data.directory", value(args, ++i, arg));
                case "--upstream" -> upstream(value(args, ++i, arg), overrides);
                case "--upstream-security" -> overrides.put("upstream.security", value(args, ++i, arg));
                case "--trust-ca" -> overrides.put("upstream.trust-ca", value(args, ++i, arg));
                case "--dns" -> overrides.put("dns.server", value(args, ++i, arg));
                case "--hold" -> overrides.put("delivery.hold", value(args, ++i, arg));
                case "--lang" -> locale = parseLanguage(value(args, ++i, arg));
                default -> {
                    if (arg.startsWith("-") || command != null) {
                        throw new UsageException("usage.unknown", arg);
                    }
                    command = arg;
                }
            }
        }
        if (command == null) {
            command = "help";
        }
        if (!List.of("help", "check", "run").contains(command)) {
            throw new UsageException("usage.unknown", command);
        }
        return new GatewayOptions(command, config, Map.copyOf(overrides), locale);
    }

    private static void upstream(String hostPort, Map<String, String> overrides) {
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0 || hostPort.endsWith("]")) {
            overrides.put("upstream.host", hostPort.replaceAll("^\\[|]$", ""));
            return;
        }
        overrides.put("upstream.host", hostPort.substring(0, colon).replaceAll("^\\[|]$", ""));
        overrides.put("upstream.port", hostPort.substring(colon + 1));
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size()) {
            throw new UsageException("usage.missingValue", option);
        }
        return args.get(index);
    }

    private static Locale parseLanguage(String text) {
        return switch (text) {
            case "ja" -> Locale.JAPANESE;
            case "en" -> Locale.ENGLISH;
            default -> throw new UsageException("usage.badLang", text);
        };
    }
}
