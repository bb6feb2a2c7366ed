package dev.hikyaku.gateway.config;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the gateway's configuration file: UTF-8 lines of {@code key = value}, {@code #} comments, blank lines.
 * Each key may appear once; values are trimmed. Nothing is interpreted here beyond the syntax.
 */
public final class ConfigFile {
    private static final long MAX_BYTES = 256 * 1024;

    private ConfigFile() {
    }

    /** The settings in {@code file}, in file order. */
    public static Map<String, ConfigValue> read(Path file) {
        List<String> lines;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new ConfigException("config.tooBig", file, Long.toString(MAX_BYTES));
            }
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new ConfigException("config.notUtf8", file);
        } catch (IOException e) {
            throw new ConfigException("config.unreadable", file, e.getMessage());
        }
        return parse(lines, file.toString());
    }

    /** The settings in {@code lines}; {@code source} names them in error messages. */
    public static Map<String, ConfigValue> parse(List<String> lines, String source) {
        Map<String, ConfigValue> values = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            int number = i + 1;
            String line = lines.get(i).strip();
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1).strip();
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int equals = line.indexOf('=');
            if (equals <= 0) {
                throw new ConfigException("config.syntax", source, number);
            }
            String key = line.substring(0, equals).strip();
            String value = line.substring(equals + 1).strip();
            ConfigValue earlier = values.put(key, new ConfigValue(key, value, number));
            if (earlier != null) {
                throw new ConfigException("config.duplicate", source, number, key, earlier.line());
            }
        }
        return values;
    }
}
