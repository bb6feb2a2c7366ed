package dev.hikyaku.app.firstrun;

import dev.hikyaku.app.clients.ClientsPlace;
import dev.hikyaku.app.clients.MailClientPages;
import dev.hikyaku.app.shell.AppServices;
import dev.hikyaku.app.system.LoginStart;
import dev.hikyaku.app.system.LoginStartPane;
import dev.hikyaku.gateway.launch.GatewayConfiguration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Decides whether the first-run set-up is due (no gateway.conf in the data folder yet) and opens it. */
public final class FirstRun {
    private FirstRun() {
    }

    /** Whether {@code dataDirectory} has no gateway.conf yet. */
    public static boolean needed(Path dataDirectory) {
        return !Files.exists(dataDirectory.resolve(GatewayConfiguration.DEFAULT_FILE));
    }

    /**
     * Opens the set-up over {@code owner} when it is due; the window, if it opened. Its second page sets up the mail
     * programs found at {@code clients} and offers starting at sign-in through {@code loginStart}.
     */
    public static Optional<Stage> showIfNeeded(Window owner, AppServices services, ClientsPlace clients,
                                               Optional<LoginStart> loginStart) {
        if (!needed(services.dataDirectory())) {
            return Optional.empty();
        }
        FirstRunModel model = new FirstRunModel(services.text(), services.gateway(), services.background(),
                services.ui());
        MailClientPages pages = new MailClientPages(services.text(), clients, services.dataDirectory(),
                services.clock(), services.background(), services.ui());
        LoginStartPane start = new LoginStartPane(services.text(), loginStart, services.background(), services.ui());
        return Optional.of(new FirstRunWindow(services.text(), model, pages.following(services.gateway()),
                start.content()).show(owner));
    }
}
