package dev.hikyaku.advisor.home;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Where a user's Hikyaku data (verdict cache, queue, archive, settings) lives by default, per OS convention. */
public final class DataDirectory {
    private static final String APP = "Hikyaku";

    private DataDirectory() {
    }

    /**
     * The per-user application-data folder.
     *
     * @param osName      the value of {@code os.name}
     * @param home        the user's home folder
     * @param environment the process environment (for LOCALAPPDATA and XDG_DATA_HOME)
     */
    public static Path forUser(String osName, Path home, Map<String, String> environment) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String local = environment.get("LOCALAPPDATA");
            Path base = local == null || local.isBlank() ? home.resolve("AppData").resolve("Local") : Path.of(local);
            return base.resolve(APP);
        }
        if (os.startsWith("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve(APP);
        }
        String xdg = environment.get("XDG_DATA_HOME");
        // XDG says a relative XDG_DATA_HOME is invalid and must be ignored.
        Path base = xdg != null && Path.of(xdg).isAbsolute() ? Path.of(xdg) : home.resolve(".local").resolve("share");
        return base.resolve(APP.toLowerCase(Locale.ROOT));
    }
}
