package dev.hikyaku.advisor.cli;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What {@code check} was asked to do.
 *
 * @param targets     the addresses or domains as typed
 * @param dns         the resolver to ask; empty for the system's
 * @param smtpPort    the port probed on every MX
 * @param httpsPort   the port of MTA-STS policy hosts
 * @param trustCas    PEM files of extra trusted CAs
 * @param trustAnchor a DNSSEC anchor file instead of the bundled IANA root keys
 * @param timeout     the most one probe or fetch may take
 * @param cache       the verdict cache file; empty for the default in the user's data folder
 * @param fresh       ignore cached verdicts
 * @param json        one JSON object per line instead of a table
 * @param verbose     add the per-MX evidence to the table
 * @param locale      the language of the output
 */
record CheckOptions(List<String> targets, Optional<InetSocketAddress> dns, int smtpPort, int httpsPort, List<Path> trustCas,
                    Optional<Path> trustAnchor, Duration timeout, Optional<Path> cache, boolean fresh, boolean json,
                    boolean verbose, Locale locale) {

    /** Copies the lists. */
    CheckOptions {
        targets = List.copyOf(targets);
        trustCas = List.copyOf(trustCas);
    }

    /** Parses the words after {@code check}. */
    static CheckOptions parse(List<String> words, Locale defaultLocale) throws UsageException {
        List<String> targets = new ArrayList<>();
        Optional<InetSocketAddress> dns = Optional.empty();
        int smtpPort = 25;
        int httpsPort = 443;
        List<Path> trustCas = new ArrayList<>();
        Optional<Path> trustAnchor = Optional.empty();
        Duration timeout = Duration.ofSeconds(20);
        Optional<Path> cache = Optional.empty();
        boolean fresh = false;
        boolean json = false;
        boolean verbose = false;
        Locale locale = defaultLocale;
        Iterator<String> it = words.iterator();
        while (it.hasNext()) {
            String word = it.next();
            switch (word) {
                case "--dns" -> dns = Optional.of(endpoint(value(it, word)));
                case "--smtp-port" -> smtpPort = port(value(it, word));
                case "--https-port" -> httpsPort = port(value(it, word));
                case "--trust-ca" -> trustCas.add(Path.of(value(it, word)));
                case "--trust-anchor" -> trustAnchor = Optional.of(Path.of(value(it, word)));
                case "--timeout" -> timeout = seconds(value(it, word));
                case "--cache" -> cache = Optional.of(Path.of(value(it, word)));
                case "--fresh" -> fresh = true;
                case "--json" -> json = true;
                case "-v", "--verbose" -> verbose = true;
                case "--lang" -> locale = language(value(it, word));
                default -> {
                    if (word.startsWith("-")) {
                        throw new UsageException("usage.unknown", word);
                    }
                    targets.add(word);
                }
            }
        }
        if (targets.isEmpty()) {
            throw new UsageException("usage.noTarget", "");
        }
        return new CheckOptions(targets, dns, smtpPort, httpsPort, trustCas, trustAnchor, timeout, cache, fresh, json,
                verbose, locale);
    }

    /** The language option alone, so even a usage error is told in the language asked for. */
    static Locale languageOf(List<String> words, Locale defaultLocale) {
        int at = words.indexOf("--lang");
        if (at < 0 || at + 1 >= words.size()) {
            return defaultLocale;
        }
        try {
            return language(words.get(at + 1));
        } catch (UsageException e) {
            return defaultLocale;
        }
    }

    private static String value(Iterator<String> it, String option) throws UsageException {
        if (!it.hasNext()) {
            throw new UsageException("usage.missingValue", option);
        }
        return it.next();
    }

    private static InetSocketAddress endpoint(String text) throws UsageException {
        int colon = text.lastIndexOf(':');
        String host = colon < 0 ? text : text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = colon < 0 || text.endsWith("]") ? 53 : port(text.substring(colon + 1));
        // A literal address only: resolving the resolver's own name would need a resolver.
        if (!host.matches("[0-9.]+|[0-9A-Fa-f:]+") || host.isEmpty()) {
            throw new UsageException("usage.badDns", text);
        }
        return new InetSocketAddress(host, port);
    }

    private static int port(String text) throws UsageException {
        try {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below with the text as typed
        }
        throw new UsageException("usage.badPort", text);
    }

    private static Duration seconds(String text) throws UsageException {
        try {
            double seconds = Double.parseDouble(text);
            if (seconds > 0 && seconds <= 600) {
                return Duration.ofMillis(Math.round(seconds * 1000));
            }
        } catch (NumberFormatException e) {
            // reported below with the text as typed
        }
        throw new UsageException("usage.badTimeout", text);
    }

    private static Locale language(String text) throws UsageException {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "ja" -> Locale.JAPANESE;
            case "en" -> Locale.ENGLISH;
            default -> throw new UsageException("usage.badLang", text);
        };
    }
}
