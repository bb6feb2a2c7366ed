package dev.hikyaku.app;

import dev.hikyaku.advisor.home.DataDirectory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javafx.application.Application;

/**
 * The main class: starts {@link HikyakuApp}. It does not extend {@code Application} itself, so the app
 * also starts from a plain classpath where the JavaFX launcher would refuse a main class that does.
 */
public final class Launcher {
    private Launcher() {
    }

    /**
     * Entry point; {@code --lang=ja} or {@code --lang=en} overrides the language the OS asks for,
     * {@code --data-dir=DIR} the per-user data folder, {@code --port=N} the submission port.
     */
    public static void main(String[] args) {
        // The one place that reads the OS (locale, home, environment): everything below gets it handed in.
        List<String> arguments = new ArrayList<>(Arrays.asList(args));
        arguments.add(HikyakuApp.OS_LOCALE_PARAMETER + Locale.getDefault(Locale.Category.DISPLAY).toLanguageTag());
        if (arguments.stream().noneMatch(argument -> argument.startsWith(HikyakuApp.DATA_DIRECTORY_PARAMETER))) {
            arguments.add(HikyakuApp.DATA_DIRECTORY_PARAMETER + defaultDataDirectory());
        }
        Application.launch(HikyakuApp.class, arguments.toArray(String[]::new));
    }

    /** The OS's per-user application-data folder for Hikyaku. */
    static Path defaultDataDirectory() {
        return DataDirectory.forUser(System.getProperty("os.name"), Path.of(System.getProperty("user.home")),
                System.getenv());
    }
}
