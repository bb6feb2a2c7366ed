package dev.hikyaku.gateway.delivery;

import dev.hikyaku.gateway.text.GatewayText;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Why the upstream could not be used, as a message of the gateway's bundles: shown to the user in their
 * language, and in English (printable US-ASCII) in SMTP replies and logs.
 *
 * @param key       the bundle key, one of the {@code delivery.*} keys
 * @param arguments the values for the key's placeholders, already reduced to printable US-ASCII
 */
public record UpstreamProblem(String key, List<String> arguments) {

    /** Validated copy. */
    public UpstreamProblem {
        Objects.requireNonNull(key, "key");
        arguments = List.copyOf(arguments);
    }

    /** A problem whose arguments (often from the network) are cut down to short printable US-ASCII. */
    static UpstreamProblem of(String key, Object... arguments) {
        return new UpstreamProblem(key, Arrays.stream(arguments).map(Printable::ascii).toList());
    }

    /** The message in the locale's language (Japanese or English). */
    public String text(Locale locale) {
        return GatewayText.format(locale, key, arguments.toArray());
    }

    /** The English message as printable US-ASCII, fit for an SMTP reply text. */
    public String english() {
        return Printable.ascii(text(Locale.ROOT), Integer.MAX_VALUE);
    }

    @Override
    public String toString() {
        return english();
    }
}
