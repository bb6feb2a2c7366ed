package dev.hikyaku.app;

import dev.hikyaku.app.archive.ArchiveView;
import dev.hikyaku.app.checker.CheckerView;
import dev.hikyaku.app.clients.ClientsPlace;
import dev.hikyaku.app.clients.ClientsSection;
import dev.hikyaku.app.firstrun.FirstRun;
import dev.hikyaku.app.gateway.GatewayRunner;
import dev.hikyaku.app.i18n.LiveText;
import dev.hikyaku.app.i18n.UiLanguage;
import dev.hikyaku.app.main.MainView;
import dev.hikyaku.app.main.MainViewModel;
import dev.hikyaku.app.queue.QueueSection;
import dev.hikyaku.app.report.ReportView;
import dev.hikyaku.app.review.ReviewWindows;
import dev.hikyaku.app.settings.LanguagePreference;
import dev.hikyaku.app.settings.SettingsSection;
import dev.hikyaku.app.shell.AppServices;
import dev.hikyaku.app.shell.FxEvents;
import dev.hikyaku.app.shell.Section;
import dev.hikyaku.app.system.LoginStart;
import dev.hikyaku.app.shell.ShellView;
import dev.hikyaku.app.smime.GatewayIdentities;
import dev.hikyaku.app.smime.LockedStorePrompt;
import dev.hikyaku.app.smime.SmimeSection;
import dev.hikyaku.app.tray.Tray;
import dev.hikyaku.gateway.events.EventFanout;
import dev.hikyaku.gateway.events.EventLog;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The JavaFX application: starts the gateway in-process on the user's configuration (the sandbox when there is
 * none) and shows the main window over it.
 */
public final class HikyakuApp extends Application {
    /** The named parameter through which {@link Launcher} hands in the OS display locale. */
    static final String OS_LOCALE_PARAMETER = "--os-locale=";
    /** The named parameter through which {@link Launcher} hands in the user's data folder. */
    static final String DATA_DIRECTORY_PARAMETER = "--data-dir=";

    private ExecutorService background;
    private GatewayRunner runner;
    private AutoCloseable tray;

    @Override
    public void start(Stage stage) {
        Map<String, String> named = getParameters().getNamed();
        Clock clock = Clock.systemUTC();
        background = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "hikyaku-app-work");
            thread.setDaemon(true);
            return thread;
        });
        Path data = dataDirectory(named);
        LiveText text = new LiveText(named.containsKey("lang") ? startLanguage(named)
                : new LanguagePreference(data).saved().orElseGet(() -> startLanguage(named)));
        FxEvents events = new FxEvents(Platform::runLater);
        MainViewModel[] model = new MainViewModel[1];
        runner = new GatewayRunner(data, overrides(named),
                new EventFanout(List.of(new EventLog(System.out, clock), events)), clock, background,
                state -> Platform.runLater(() -> model[0].gatewayStateProperty().set(state)));
        model[0] = new MainViewModel(text, runner.start());
        AppServices services = new AppServices(text, runner, events, clock, background, Platform::runLater, data);
        ClientsPlace clients = ClientsPlace.ofThisUser();
        Optional<LoginStart> loginStart = LoginStart.forThisUser();
        SmimeSection smime = SmimeSection.forApp(services);
        GatewayIdentities identities = new GatewayIdentities(smime.vault(), runner, background);
        identities.start();
        smime.onWizardFinished(identities::wizardFinished);
        ShellView shell = new ShellView(text, sections(services, model[0], smime, clients, loginStart));
        shell.show(stage);
        events.subscribe(new LockedStorePrompt(smime.vault(), () -> shell.bringForward(SmimeSection.SECTION_ID)));
        FirstRun.showIfNeeded(stage, services, clients, loginStart);
        tray = Tray.start(stage, services);
    }

    /** The main window's sections, in tab order. */
    private static List<Section> sections(AppServices services, MainViewModel status, SmimeSection smime,
                                          ClientsPlace clients, Optional<LoginStart> loginStart) {
        ReviewWindows reviews = ReviewWindows.start(services);
        return List.of(new MainView(status),
                QueueSection.of(services, reviews::open),
                ArchiveView.forApp(services, status.gatewayStateProperty()),
                CheckerView.forApp(services),
                ReportView.forApp(services, status.gatewayStateProperty()),
                smime,
                new ClientsSection(services, clients),
                new SettingsSection(services, loginStart));
    }

    @Override
    public void stop() throws Exception {
        if (tray != null) {
            tray.close();
        }
        if (runner != null) {
            runner.close();
        }
        if (background != null) {
            background.shutdownNow();
        }
    }

    /** An explicit {@code --lang} wins over the OS locale; with neither, English. */
    static UiLanguage startLanguage(Map<String, String> named) {
        String tag = named.getOrDefault("lang", named.getOrDefault("os-locale", "en"));
        return UiLanguage.forLocale(Locale.forLanguageTag(tag));
    }

    /** The data folder {@link Launcher} named; started some other way, the user's default folder. */
    static Path dataDirectory(Map<String, String> named) {
        return named.containsKey("data-dir") ? Path.of(named.get("data-dir")) : Launcher.defaultDataDirectory();
    }

    /**
     * Single gateway settings given on the command line: {@code --port=N}, and for test benches {@code --dns=host:port}
     * (the resolver for verdicts), {@code --dns-anchors=FILE} (its DNSSEC trust anchors) and {@code --hold=5m} (every
     * message held that long).
     */
    static Map<String, String> overrides(Map<String, String> named) {
        Map<String, String> overrides = new LinkedHashMap<>();
        Map<String, String> keys = Map.of("port", "listen.port", "dns", "dns.server", "dns-anchors", "dns.trust-anchors",
                "hold", "delivery.hold");
        keys.forEach((parameter, key) -> {
            if (named.containsKey(parameter)) {
                overrides.put(key, named.get(parameter));
            }
        });
        return overrides;
    }
}
