package dev.hikyaku.app.clients.outlook;

import java.util.List;

/**
 * One paragraph or step of the guide: a text and the values filled into it (port, fingerprints), so a view binds it
 * with {@code text.text(line.text(), line.arguments().toArray())} and it follows the language switch.
 *
 * @param text the text's key
 * @param arguments the values, already formatted
 */
public record GuideLine(OutlookText text, List<String> arguments) {
    /** Copies the values. */
    public GuideLine {
        arguments = List.copyOf(arguments);
    }

    static GuideLine of(OutlookText text, String... arguments) {
        return new GuideLine(text, List.of(arguments));
    }
}
