package dev.hikyaku.app.system;

import dev.hikyaku.app.i18n.LiveText;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The "start Hikyaku when I sign in" choice, shown in the first-run set-up and the settings: applied at once, the box
 * always showing what the OS will really do, and why when that could not be changed.
 */
public final class LoginStartPane {
    /** The check box's id. */
    public static final String CHOICE_ID = "loginStartChoice";
    /** The status line's id. */
    public static final String STATUS_ID = "loginStartStatus";

    private final LiveText text;
    private final Optional<LoginStart> loginStart;
    private final Executor background;
    private final Executor ui;

    /** The choice over {@code loginStart} (empty when Hikyaku does not run from a package). */
    public LoginStartPane(LiveText text, Optional<LoginStart> loginStart, Executor background, Executor ui) {
        this.text = text;
        this.loginStart = loginStart;
        this.background = background;
        this.ui = ui;
    }

    /** The check box over its status line. */
    public Node content() {
        CheckBox choice = new CheckBox();
        choice.setId(CHOICE_ID);
        choice.setMnemonicParsing(true);
        choice.textProperty().bind(text.text(SystemText.CHOICE));
        Label status = new Label();
        status.setId(STATUS_ID);
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        status.setFocusTraversable(true);
        if (loginStart.isEmpty()) {
            choice.setDisable(true);
            status.textProperty().bind(text.text(SystemText.NOT_INSTALLED));
            return new VBox(4, choice, status);
        }
        LoginStart start = loginStart.get();
        choice.setDisable(true);
        // The box changes only as the OS setting is read back, so a listener on it never fires for our own updates.
        boolean[] settling = {true};
        Runnable readBack = () -> background.execute(() -> {
            try {
                boolean enabled = start.isEnabled();
                ui.execute(() -> show(choice, status, settling, enabled, Optional.empty()));
            } catch (LoginStartException e) {
                ui.execute(() -> show(choice, status, settling, false, Optional.of(e)));
            }
        });
        choice.selectedProperty().addListener((observable, before, wanted) -> {
            if (settling[0]) {
                return;
            }
            choice.setDisable(true);
            background.execute(() -> {
                try {
                    if (wanted) {
                        start.enable();
                    } else {
                        start.disable();
                    }
                    readBack.run();
                } catch (LoginStartException e) {
                    ui.execute(() -> show(choice, status, settling, before, Optional.of(e)));
                }
            });
        });
        readBack.run();
        return new VBox(4, choice, status);
    }

    private void show(CheckBox choice, Label status, boolean[] settling, boolean enabled,
                      Optional<LoginStartException> problem) {
        settling[0] = true;
        choice.setSelected(enabled);
        settling[0] = false;
        choice.setDisable(false);
        status.textProperty().unbind();
        if (problem.isPresent()) {
            status.textProperty().bind(text.text(SystemText.PROBLEM, problem.get()));
        } else {
            status.textProperty().bind(text.text(SystemText.WHERE, loginStart.orElseThrow().location()));
        }
    }
}
