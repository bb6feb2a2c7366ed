package dev.hikyaku.gateway.guard;

import dev.hikyaku.gateway.text.GatewayText;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Why a rule fired, as a message-bundle key and its arguments, so it can be stored and shown in either language.
 *
 * @param key       the bundle key, such as {@code guard.refuse.size}
 * @param arguments the values for its placeholders: strings and whole numbers only, so a stored reason reads back
 */
public record Reason(String key, List<Object> arguments) {

    /** Validated, whole numbers as {@link Long}. */
    public Reason {
        Objects.requireNonNull(key, "key");
        arguments = arguments.stream().map(Reason::storable).toList();
    }

    /** A reason with {@code arguments}. */
    public static Reason of(String key, Object... arguments) {
        return new Reason(key, List.of(arguments));
    }

    /** The text for the sender. */
    public String render(Locale locale) {
        return GatewayText.format(locale, key, arguments.toArray());
    }

    private static Object storable(Object argument) {
        if (argument instanceof Integer number) {
            return number.longValue();
        }
        if (argument instanceof String || argument instanceof Long) {
            return argument;
        }
        throw new IllegalArgumentException("a reason holds strings and whole numbers, not " + argument);
    }
}
