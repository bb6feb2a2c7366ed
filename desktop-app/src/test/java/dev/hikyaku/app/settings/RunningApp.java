package dev.hikyaku.app.settings;

import dev.hikyaku.app.gateway.GatewayRunner;
import dev.hikyaku.app.gateway.GatewayState;
import dev.hikyaku.app.i18n.LiveText;
import dev.hikyaku.app.i18n.UiLanguage;
import dev.hikyaku.app.main.MainView;
import dev.hikyaku.app.main.MainViewModel;
import dev.hikyaku.app.shell.AppServices;
import dev.hikyaku.app.shell.FxEvents;
import dev.hikyaku.app.shell.Section;
import dev.hikyaku.app.shell.ShellView;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The app as HikyakuApp assembles it, for window tests: a real gateway on the test's data folder (whose
 * configuration must point it at a loopback DNS server), the status and settings tabs, the services.
 */
public final class RunningApp implements AutoCloseable {
    private final ExecutorService background = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "test-app-work");
        thread.setDaemon(true);
        return thread;
    });
    private final GatewayRunner runner;
    private final LiveText text;
    private final AppServices services;
    private final MainViewModel status;

    private RunningApp(Path data, Map<String, String> overrides, UiLanguage language) {
        text = new LiveText(language);
        FxEvents events = new FxEvents(Platform::runLater);
        MainViewModel[] model = new MainViewModel[1];
        runner = new GatewayRunner(data, overrides, events, Clock.systemUTC(), background,
                state -> Platform.runLater(() -> model[0].gatewayStateProperty().set(state)));
        model[0] = new MainViewModel(text, runner.start());
        status = model[0];
        services = new AppServices(text, runner, events, Clock.systemUTC(), background, Platform::runLater, data);
    }

    /** Starts the gateway of {@code data} with {@code overrides}; call on the FX thread (a TestFX start method). */
    public static RunningApp start(Path data, Map<String, String> overrides, UiLanguage language) {
        return new RunningApp(data, overrides, language);
    }

    /** Shows the main window with the status and settings tabs on {@code stage}. */
    public void show(Stage stage) {
        List<Section> sections = List.of(new MainView(status), new SettingsSection(services, Optional.empty()));
        new ShellView(text, sections).show(stage);
    }

    /** Waits (generously) until the gateway's state passes {@code test}. */
    public GatewayState await(Predicate<GatewayState> test) throws TimeoutException {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> test.test(runner.state()));
        return runner.state();
    }

    public GatewayRunner runner() {
        return runner;
    }

    public LiveText text() {
        return text;
    }

    public AppServices services() {
        return services;
    }

    @Override
    public void close() {
        runner.close();
        background.shutdownNow();
    }
}
