package dev.hikyaku.app.system;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Starting Hikyaku when the user signs in, the way the OS does it for one user: an XDG autostart entry on Linux, a
 * LaunchAgent on macOS, the Run key of HKEY_CURRENT_USER on Windows. Nothing needs an administrator.
 */
public sealed interface LoginStart permits LinuxAutostart, MacLaunchAgent, WindowsRunKey {
    /** The system property a jpackage launcher sets to its own path. */
    String APP_PATH_PROPERTY = "jpackage.app-path";
    /** The window's launcher in the installed package (installer/src/jpackage/app.args). */
    String WINDOW_LAUNCHER = "Hikyaku";

    /** Whether Hikyaku starts at the next sign-in. */
    boolean isEnabled() throws LoginStartException;

    /** Makes Hikyaku start at every sign-in. */
    void enable() throws LoginStartException;

    /** Stops Hikyaku starting at sign-in (what is running now keeps running). */
    void disable() throws LoginStartException;

    /** Where the setting lives, to show the user: a file or the registry value. */
    String location();

    /** The way for the user running this process, as the package's launcher started it (empty in a development build). */
    static Optional<LoginStart> forThisUser() {
        return of(System.getProperty("os.name", ""), Path.of(System.getProperty("user.home")), System.getenv(),
                Optional.ofNullable(System.getProperty(APP_PATH_PROPERTY)).map(Path::of));
    }

    /**
     * The OS's way for this user, starting {@code launcher}; empty without a launcher, i.e. when the app does not
     * run from an installed package (a development build has no stable program to start).
     *
     * @param osName the value of {@code os.name}
     * @param home the user's home folder
     * @param environment the process environment (XDG_CONFIG_HOME)
     * @param launcher the launcher this process was started from, from {@link #APP_PATH_PROPERTY}: the window's
     *                 or, after {@code hikyaku app}, the command line's; the window's beside it is started
     */
    static Optional<LoginStart> of(String osName, Path home, Map<String, String> environment,
                                   Optional<Path> launcher) {
        if (launcher.isEmpty()) {
            return Optional.empty();
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            return Optional.of(new WindowsRunKey(launcher.get().resolveSibling(WINDOW_LAUNCHER + ".exe"),
                    new ProcessCommands()));
        }
        Path window = launcher.get().resolveSibling(WINDOW_LAUNCHER);
        if (os.startsWith("mac")) {
            return Optional.of(new MacLaunchAgent(home, window));
        }
        return Optional.of(new LinuxAutostart(home, environment, window));
    }
}
