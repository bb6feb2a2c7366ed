package dev.hikyaku.app.clients.thunderbird;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the INI dialect Mozilla writes: {@code [Section]} headers and {@code key=value} lines, CRLF or LF,
 * {@code ;} and {@code #} comments. Lines it does not understand are skipped, as Mozilla's own parser does.
 */
final class IniParser {
    private IniParser() {
    }

    /** The sections of {@code text}, in file order; entries before the first header are dropped. */
    static List<IniSection> parse(String text) {
        List<IniSection> sections = new ArrayList<>();
        String name = null;
        Map<String, String> entries = new LinkedHashMap<>();
        for (String rawLine : text.split("\r\n|\r|\n", -1)) {
            String line = rawLine.strip();
            if (line.isEmpty() || line.startsWith(";") || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                if (name != null) {
                    sections.add(new IniSection(name, entries));
                }
                name = line.substring(1, line.length() - 1).strip();
                entries = new LinkedHashMap<>();
                continue;
            }
            int equals = line.indexOf('=');
            if (name != null && equals > 0) {
                entries.put(line.substring(0, equals).strip(), line.substring(equals + 1).strip());
            }
        }
        if (name != null) {
            sections.add(new IniSection(name, entries));
        }
        return List.copyOf(sections);
    }
}
