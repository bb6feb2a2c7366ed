package dev.hikyaku.gateway.config;

/**
 * One {@code key = value} line of the configuration.
 *
 * @param key   the key
 * @param value the trimmed value, possibly empty
 * @param line  its line number, 0 for a value from the command line
 */
public record ConfigValue(String key, String value, int line) {
}
