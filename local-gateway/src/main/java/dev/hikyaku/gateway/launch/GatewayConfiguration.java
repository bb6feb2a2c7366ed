package dev.hikyaku.gateway.launch;

import dev.hikyaku.gateway.config.ConfigFile;
import dev.hikyaku.gateway.config.ConfigValue;
import dev.hikyaku.gateway.config.GatewaySettings;
import dev.hikyaku.gateway.config.SettingsReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where the gateway's settings come from, the same for the app and the headless gateway: a named file, else
 * {@code gateway.conf} in the data folder when it exists, else the embedded sandbox defaults; single keys
 * overridden on top.
 */
public final class GatewayConfiguration {
    /** The configuration file the app writes, read when no file is named. */
    public static final String DEFAULT_FILE = "gateway.conf";

    private GatewayConfiguration() {
    }

    /**
     * The settings; {@code defaultData} is the user's data folder, used unless {@code data.directory} says otherwise.
     *
     * @throws dev.hikyaku.gateway.config.ConfigException naming the key, line and problem when a value is wrong
     */
    public static GatewaySettings read(Optional<Path> file, Map<String, String> overrides, Path defaultData) {
        return SettingsReader.read(values(file, overrides, defaultData), overrides, defaultData);
    }

    private static Map<String, ConfigValue> values(Optional<Path> file, Map<String, String> overrides, Path defaultData) {
        if (file.isPresent()) {
            return ConfigFile.read(file.get());
        }
        Path data = overrides.containsKey("data.directory") ? Path.of(overrides.get("data.directory")) : defaultData;
        Path standard = data.resolve(DEFAULT_FILE);
        return Files.isRegularFile(standard) ? ConfigFile.read(standard) : Map.of();
    }
}
