package dev.hikyaku.app.clients.thunderbird;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The folder holding Thunderbird's {@code profiles.ini} and, usually, the profiles themselves.
 *
 * @param directory the folder, absolute
 */
public record ThunderbirdRoot(Path directory) {
    /** The name of the file listing the profiles. */
    public static final String PROFILES_INI = "profiles.ini";

    /** Rejects a relative folder, which would depend on the working directory. */
    public ThunderbirdRoot {
        if (!directory.isAbsolute()) {
            throw new IllegalArgumentException("the Thunderbird root must be absolute: " + directory);
        }
        directory = directory.normalize();
    }

    /**
     * Where Thunderbird keeps its profiles for this user: {@code ~/.thunderbird} on Linux,
     * {@code ~/Library/Thunderbird} on macOS, {@code %APPDATA%\Thunderbird} on Windows.
     *
     * @param os the running system
     * @param home the user's home folder
     * @param environment the process environment, consulted for {@code APPDATA} on Windows
     */
    public static ThunderbirdRoot locate(DesktopOs os, Path home, Map<String, String> environment)
            throws ThunderbirdSetupException {
        return switch (os) {
            case LINUX -> new ThunderbirdRoot(home.resolve(".thunderbird"));
            case MAC_OS -> new ThunderbirdRoot(home.resolve("Library").resolve("Thunderbird"));
            case WINDOWS -> new ThunderbirdRoot(appData(environment).resolve("Thunderbird"));
        };
    }

    private static Path appData(Map<String, String> environment) throws ThunderbirdSetupException {
        String value = environment.getOrDefault("APPDATA", "");
        if (value.isBlank()) {
            throw new ThunderbirdSetupException(ThunderbirdText.NO_APP_DATA);
        }
        try {
            Path path = Path.of(value);
            if (!path.isAbsolute()) {
                throw new ThunderbirdSetupException(ThunderbirdText.BAD_APP_DATA, value);
            }
            return path;
        } catch (InvalidPathException e) {
            throw new ThunderbirdSetupException(e, ThunderbirdText.BAD_APP_DATA, value);
        }
    }

    /** The {@code profiles.ini} file in this folder. */
    public Path profilesIni() {
        return directory.resolve(PROFILES_INI);
    }
}
