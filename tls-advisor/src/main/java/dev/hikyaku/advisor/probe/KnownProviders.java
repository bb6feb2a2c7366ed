package dev.hikyaku.advisor.probe;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** The documented list of large providers' MX host suffixes known to offer TLS (see known-providers.txt). */
public final class KnownProviders {
    private final List<String> suffixes;

    private KnownProviders(List<String> suffixes) {
        this.suffixes = List.copyOf(suffixes);
    }

    /** The bundled list. */
    public static KnownProviders bundled() {
        try (InputStream in = KnownProviders.class.getResourceAsStream("known-providers.txt")) {
            if (in == null) {
                throw new IllegalStateException("known-providers.txt is missing from the build");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return new KnownProviders(reader.lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT))
                    .toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether every one of {@code mxHosts} belongs to a known provider (an empty list does not). */
    public boolean coversAll(Collection<String> mxHosts) {
        return !mxHosts.isEmpty() && mxHosts.stream().allMatch(this::covers);
    }

    private boolean covers(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        for (String suffix : suffixes) {
            if (name.equals(suffix) || name.endsWith("." + suffix)) {
                return true;
            }
        }
        return false;
    }
}
