package dev.hikyaku.app.clients.thunderbird;

/**
 * One {@code user_pref("name", value);} statement.
 *
 * @param name the preference name
 * @param value its value
 */
public record Pref(String name, PrefValue value) {
}
