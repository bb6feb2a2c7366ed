package dev.hikyaku.app.clients;

import dev.hikyaku.app.clients.outlook.OutlookGuideView;
import dev.hikyaku.app.clients.thunderbird.ThunderbirdSetup;
import dev.hikyaku.app.clients.thunderbird.ThunderbirdSetupException;
import dev.hikyaku.app.clients.thunderbird.ThunderbirdSetupModel;
import dev.hikyaku.app.clients.thunderbird.ThunderbirdSetupView;
import dev.hikyaku.app.gateway.GatewayRunner;
import dev.hikyaku.app.gateway.GatewayState;
import dev.hikyaku.app.i18n.LiveText;
import dev.hikyaku.app.i18n.TextKey;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The mail-program pages the first-run flow and the "Mail program" tab embed: Thunderbird's automatic set-up (with
 * its undo and the steps by hand) and the Outlook guide, for the port the running gateway listens on.
 */
public final class MailClientPages {
    /** The tab pane's node id. */
    public static final String PAGES_ID = "mailClientPages";
    /** The Thunderbird tab's id. */
    public static final String THUNDERBIRD_TAB_ID = "mailClientThunderbird";
    /** The Outlook tab's id. */
    public static final String OUTLOOK_TAB_ID = "mailClientOutlook";
    /** The id of the line shown instead of the pages while they cannot be built. */
    public static final String WAITING_ID = "mailClientWaiting";
    static final String PROBLEM_ID = "mailClientThunderbirdProblem";
    static final String BY_HAND_ID = "mailClientThunderbirdByHand";

    private final LiveText text;
    private final ClientsPlace place;
    private final Path dataDirectory;
    private final Clock clock;
    private final Executor background;
    private final Executor ui;

    /** Pages for the gateway whose data folder is {@code dataDirectory}. */
    public MailClientPages(LiveText text, ClientsPlace place, Path dataDirectory, Clock clock, Executor background,
                           Executor ui) {
        this.text = text;
        this.place = place;
        this.dataDirectory = dataDirectory;
        this.clock = clock;
        this.background = background;
        this.ui = ui;
    }

    /**
     * A node that follows {@code runner}: the pages for the port the gateway runs on, rebuilt when it moves, and a
     * line saying why while the gateway is not running.
     */
    public Node following(GatewayRunner runner) {
        StackPane holder = new StackPane();
        int[] shownPort = {-1};
        Consumer<GatewayState> show = state -> {
            if (state instanceof GatewayState.Running running) {
                int port = running.plan().submission().address().getPort();
                if (port != shownPort[0]) {
                    shownPort[0] = port;
                    holder.getChildren().setAll(forPort(port));
                }
            } else if (shownPort[0] < 0) {
                holder.getChildren().setAll(line(WAITING_ID, ClientsText.WAITING));
            }
        };
        show.accept(runner.state());
        runner.watch(state -> ui.execute(() -> show.accept(state)));
        return holder;
    }

    /** The pages for a gateway listening on {@code port}; its certificate must exist (the gateway has started). */
    public Node forPort(int port) {
        LocalSubmission target;
        try {
            target = LocalSubmission.read(dataDirectory, port);
        } catch (CertificateUnavailableException e) {
            return line(WAITING_ID, ClientsText.PROBLEM, e);
        }
        Tab thunderbird = new Tab();
        thunderbird.setId(THUNDERBIRD_TAB_ID);
        thunderbird.textProperty().bind(text.text(ClientsText.THUNDERBIRD_TAB));
        thunderbird.setContent(thunderbirdPage(target));
        Tab outlook = new Tab();
        outlook.setId(OUTLOOK_TAB_ID);
        outlook.textProperty().bind(text.text(ClientsText.OUTLOOK_TAB));
        outlook.setContent(new OutlookGuideView(text, target).node());
        TabPane pages = new TabPane(thunderbird, outlook);
        pages.setId(PAGES_ID);
        pages.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        return pages;
    }

    private Node thunderbirdPage(LocalSubmission target) {
        Label byHand = line(BY_HAND_ID, ClientsText.THUNDERBIRD_BY_HAND, Integer.toString(target.port()),
                target.sha256Fingerprint());
        try {
            ThunderbirdSetupModel model = new ThunderbirdSetupModel(text, place.thunderbird(),
                    new ThunderbirdSetup(clock), target, background, ui);
            model.load();
            VBox page = new VBox(12, new ThunderbirdSetupView(text, model).node(), byHand);
            page.setPadding(new Insets(0, 0, 12, 0));
            return page;
        } catch (ThunderbirdSetupException e) {
            VBox page = new VBox(12, line(PROBLEM_ID, ClientsText.PROBLEM, e), byHand);
            page.setPadding(new Insets(16));
            return page;
        }
    }

    private Label line(String id, TextKey key, Object... arguments) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.setFocusTraversable(true);
        label.setPadding(new Insets(0, 16, 0, 16));
        label.textProperty().bind(text.text(key, arguments));
        return label;
    }
}
