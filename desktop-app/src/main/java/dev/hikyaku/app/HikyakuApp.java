package dev.hikyaku.app;

import dev.hikyaku.app.i18n.LiveText;
import dev.hikyaku.app.i18n.UiLanguage;
import dev.hikyaku.app.main.AppStatus;
import dev.hikyaku.app.main.MainView;
import dev.hikyaku.app.main.MainViewModel;
import java.util.Locale;
import java.util.Map;
import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application: wires the main window's view model and view on the embedded default settings. */
public final class HikyakuApp extends Application {
    /** The named parameter through which {@link Launcher} hands in the OS display locale. */
    static final String OS_LOCALE_PARAMETER = "--os-locale=";

    @Override
    public void start(Stage stage) {
        MainViewModel model = new MainViewModel(new LiveText(startLanguage(getParameters().getNamed())),
                AppStatus.embeddedDefault());
        new MainView(model).show(stage);
    }

    /** An explicit {@code --lang} wins over the OS locale; with neither, English. */
    static UiLanguage startLanguage(Map<String, String> named) {
        String tag = named.getOrDefault("lang", named.getOrDefault("os-locale", "en"));
        return UiLanguage.forLocale(Locale.forLanguageTag(tag));
    }
}
