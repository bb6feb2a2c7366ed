package dev.hikyaku.app;

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

    /** Entry point; {@code --lang=ja} or {@code --lang=en} overrides the language the OS asks for. */
    public static void main(String[] args) {
        // The one place that reads the OS locale: everything below gets it handed in.
        List<String> arguments = new ArrayList<>(Arrays.asList(args));
        arguments.add(HikyakuApp.OS_LOCALE_PARAMETER + Locale.getDefault(Locale.Category.DISPLAY).toLanguageTag());
        Application.launch(HikyakuApp.class, arguments.toArray(String[]::new));
    }
}
