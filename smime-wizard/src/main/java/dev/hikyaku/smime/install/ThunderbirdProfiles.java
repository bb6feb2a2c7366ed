package dev.hikyaku.smime.install;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds the user's Thunderbird profiles from {@code profiles.ini}, in the places Thunderbird keeps it on Windows,
 * macOS and Linux (including the Snap and Flatpak packages). Only profiles that hold a certificate database
 * ({@code cert9.db}) are returned; the default profile comes first.
 */
public final class ThunderbirdProfiles {
    private static final int MAX_INI_BYTES = 256 * 1024;

    private ThunderbirdProfiles() {
    }

    /**
     * The profiles found.
     *
     * @param home    the user's home folder
     * @param appData Windows' {@code %APPDATA%} folder, when on Windows
     * @param osName  the value of {@code os.name}
     */
    public static List<Path> find(Path home, Path appData, String osName) {
        String os = osName.toLowerCase(Locale.ROOT);
        List<Path> roots = os.startsWith("windows") ? List.of(appData.resolve("Thunderbird"))
                : os.startsWith("mac") ? List.of(home.resolve("Library/Thunderbird"))
                : List.of(home.resolve(".thunderbird"), home.resolve("snap/thunderbird/common/.thunderbird"),
                        home.resolve(".var/app/org.mozilla.Thunderbird/.thunderbird"));
        List<Path> found = new ArrayList<>();
        for (Path root : roots) {
            for (Path profile : read(root)) {
                if (!found.contains(profile) && Files.isRegularFile(profile.resolve("cert9.db"))) {
                    found.add(profile);
                }
            }
        }
        return found;
    }

    // Sections of profiles.ini: [ProfileN] with Path, IsRelative and Default=1 for the default one.
    private static List<Path> read(Path root) {
        Path ini = root.resolve("profiles.ini");
        List<Map<String, String>> sections = new ArrayList<>();
        try {
            if (!Files.isRegularFile(ini) || Files.size(ini) > MAX_INI_BYTES) {
                return List.of();
            }
            Map<String, String> section = null;
            for (String line : Files.readAllLines(ini, StandardCharsets.UTF_8)) {
                String text = line.strip();
                if (text.startsWith("[")) {
                    section = text.toLowerCase(Locale.ROOT).startsWith("[profile") ? new LinkedHashMap<>() : null;
                    if (section != null) {
                        sections.add(section);
                    }
                } else if (section != null && text.contains("=")) {
                    int equals = text.indexOf('=');
                    section.put(text.substring(0, equals).strip(), text.substring(equals + 1).strip());
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        List<Path> profiles = new ArrayList<>();
        for (Map<String, String> section : sections) {
            String path = section.get("Path");
            if (path == null || path.isEmpty()) {
                continue;
            }
            Path profile = "0".equals(section.get("IsRelative")) ? Path.of(path) : root.resolve(path);
            if ("1".equals(section.get("Default"))) {
                profiles.add(0, profile);
            } else {
                profiles.add(profile);
            }
        }
        return profiles;
    }
}
