package dev.hikyaku.gateway.config;

import dev.hikyaku.advisor.verdict.Level;
import dev.hikyaku.gateway.plan.ActionName;
import dev.hikyaku.gateway.plan.GroupAction;
import dev.hikyaku.gateway.plan.PackagingPolicy;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Reads the packaging keys ({@code packaging.*}): the default action per verdict level, domain and address. */
final class PackagingSettingsReader {
    /** The actions a user may configure; S/MIME is chosen by itself when certificates are known. */
    private static final List<String> CONFIGURABLE = List.of("as-is", "zip", "aes-zip", "aes-zip-agreed",
            "aes-zip-fresh", "hold", "refuse");
    private static final Map<String, Level> LEVEL_KEYS = levelKeys();

    private final SettingsReader reader;

    PackagingSettingsReader(SettingsReader reader) {
        this.reader = reader;
    }

    /** Adds the packaging keys with their defaults; the README's packaging table documents each. */
    static void addDefaults(Map<String, String> defaults) {
        defaults.put("packaging.authenticated", "as-is");
        defaults.put("packaging.encrypted", "as-is");
        defaults.put("packaging.encrypted-unverified", "aes-zip");
        defaults.put("packaging.plaintext", "aes-zip");
        defaults.put("packaging.unknown", "aes-zip");
        defaults.put("packaging.no-mail", "hold");
        defaults.put("packaging.domains", "");
        defaults.put("packaging.addresses", "");
    }

    /** The packaging policy as configured; whether internal mail skips packaging comes from the domains keys. */
    PackagingPolicy policy(boolean internalAsIs) {
        Map<Level, GroupAction> byLevel = new EnumMap<>(Level.class);
        LEVEL_KEYS.forEach((key, level) -> byLevel.put(level, action(key, reader.text(key))));
        return new PackagingPolicy(byLevel, entries("packaging.domains", false), entries("packaging.addresses", true),
                internalAsIs);
    }

    private Map<String, GroupAction> entries(String key, boolean addresses) {
        Map<String, GroupAction> entries = new LinkedHashMap<>();
        for (String entry : reader.list(key)) {
            int colon = entry.lastIndexOf(':');
            String target = colon < 0 ? "" : entry.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            boolean shaped = addresses ? target.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")
                    : target.matches("@?[a-z0-9-]+(\\.[a-z0-9-]+)+");
            if (!shaped) {
                throw new ConfigException("config.packaging.badEntry", key, where(key), entry,
                        addresses ? "taro@example.co.jp: aes-zip" : "example.co.jp: zip");
            }
            entries.put(target.startsWith("@") ? target.substring(1) : target,
                    action(key, entry.substring(colon + 1).trim()));
        }
        return entries;
    }

    private GroupAction action(String key, String name) {
        Optional<GroupAction> action = CONFIGURABLE.contains(name) ? ActionName.parse(name) : Optional.empty();
        return action.orElseThrow(() -> new ConfigException("config.badChoice", key, where(key), name,
                String.join(", ", CONFIGURABLE)));
    }

    private int where(String key) {
        return SettingsReader.where(reader.value(key));
    }

    private static Map<String, Level> levelKeys() {
        Map<String, Level> keys = new LinkedHashMap<>();
        keys.put("packaging.authenticated", Level.AUTHENTICATED);
        keys.put("packaging.encrypted", Level.ENCRYPTED);
        keys.put("packaging.encrypted-unverified", Level.ENCRYPTED_UNVERIFIED);
        keys.put("packaging.plaintext", Level.PLAINTEXT);
        keys.put("packaging.unknown", Level.UNKNOWN);
        keys.put("packaging.no-mail", Level.NO_MAIL);
        return keys;
    }
}
