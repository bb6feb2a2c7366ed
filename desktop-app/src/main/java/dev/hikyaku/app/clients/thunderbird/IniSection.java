package dev.hikyaku.app.clients.thunderbird;

import java.util.Map;
import java.util.Optional;

/**
 * One {@code [name]} section of an INI file.
 *
 * @param name the name between the brackets
 * @param entries the keys and values, case as written; the last of repeated keys wins
 */
public record IniSection(String name, Map<String, String> entries) {
    /** Copies the entries. */
    public IniSection {
        entries = Map.copyOf(entries);
    }

    /** The value of {@code key}, if present. */
    public Optional<String> value(String key) {
        return Optional.ofNullable(entries.get(key));
    }
}
