package dev.hikyaku.gateway.cli;

import dev.hikyaku.gateway.listen.ListenEndpoints;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The headless gateway's command line, parsed.
 *
 * @param command          the sub-command ({@code check} or {@code help})
 * @param port             the submission port
 * @param bindAddresses    literal addresses to listen on; empty means both loopbacks
 * @param allowNonLoopback whether the user explicitly allowed a non-loopback address
 * @param dataDirectory    the data folder, empty for the per-user default
 * @param locale           the language of messages
 */
public record GatewayOptions(String command, int port, List<String> bindAddresses, boolean allowNonLoopback,
                             Optional<Path> dataDirectory, Locale locale) {

    /** Parses {@code args}; throws {@link UsageException} with a message key on anything it does not understand. */
    public static GatewayOptions parse(List<String> args, Locale defaultLocale) {
        String command = null;
        int port = ListenEndpoints.DEFAULT_PORT;
        List<String> binds = new ArrayList<>();
        boolean allowNonLoopback = false;
        Optional<Path> dataDirectory = Optional.empty();
        Locale locale = defaultLocale;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--help", "-h" -> command = "help";
                case "--port" -> port = parsePort(value(args, ++i, arg));
                case "--bind" -> binds.add(value(args, ++i, arg));
                case "--allow-non-loopback" -> allowNonLoopback = true;
                case "--data-dir" -> dataDirectory = Optional.of(Path.of(value(args, ++i, arg)));
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
        if (!command.equals("help") && !command.equals("check")) {
            throw new UsageException("usage.unknown", command);
        }
        return new GatewayOptions(command, port, List.copyOf(binds), allowNonLoopback, dataDirectory, locale);
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size()) {
            throw new UsageException("usage.missingValue", option);
        }
        return args.get(index);
    }

    private static int parsePort(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new UsageException("usage.badPort", text);
        }
    }

    private static Locale parseLanguage(String text) {
        return switch (text) {
            case "ja" -> Locale.JAPANESE;
            case "en" -> Locale.ENGLISH;
            default -> throw new UsageException("usage.badLang", text);
        };
    }
}
