package dev.hikyaku.app.clients;

import dev.hikyaku.app.clients.thunderbird.DesktopOs;
import dev.hikyaku.app.clients.thunderbird.ThunderbirdRoot;
import dev.hikyaku.app.clients.thunderbird.ThunderbirdSetupException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Where this user's mail programs keep their settings: the system, the home folder and the environment, read once
 * by the app and injected, so tests point the set-up at a fixture home.
 *
 * @param os          the running system
 * @param home        the user's home folder
 * @param environment the process environment ({@code APPDATA} on Windows)
 */
public record ClientsPlace(DesktopOs os, Path home, Map<String, String> environment) {
    /** Checks that nothing is missing and copies the environment. */
    public ClientsPlace {
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(home, "home");
        environment = Map.copyOf(environment);
    }

    /** The place of the user running this process. */
    public static ClientsPlace ofThisUser() {
        return new ClientsPlace(DesktopOs.fromOsName(System.getProperty("os.name", "")),
                Path.of(System.getProperty("user.home")), System.getenv());
    }

    /** Where Thunderbird keeps this user's profiles. */
    public ThunderbirdRoot thunderbird() throws ThunderbirdSetupException {
        return ThunderbirdRoot.locate(os, home, environment);
    }
}
