package dev.hikyaku.app.clients.thunderbird;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Reads a profile's {@code prefs.js} into its preferences, the last statement for a name winning as in Mozilla. */
public final class PrefsFile {
    /** Real prefs.js files stay well under a megabyte; anything near this limit is not one. */
    public static final long MAX_BYTES = 16L * 1024 * 1024;

    private final BoundedTextFile file = new BoundedTextFile(MAX_BYTES);

    /** The preferences in {@code prefsJs}, by name, in the order first seen. */
    public Map<String, PrefValue> read(Path prefsJs) throws ThunderbirdSetupException {
        return parse(file.read(prefsJs));
    }

    /** The preferences in the text of a prefs.js. */
    Map<String, PrefValue> parse(String text) {
        Map<String, PrefValue> prefs = new LinkedHashMap<>();
        for (String line : text.split("\r\n|\r|\n")) {
            Optional<Pref> pref = PrefsLineParser.parse(line);
            pref.ifPresent(found -> prefs.put(found.name(), found.value()));
        }
        return prefs;
    }
}
