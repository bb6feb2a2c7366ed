package dev.hikyaku.app.smime;

import dev.hikyaku.app.i18n.LiveText;
import dev.hikyaku.smime.wizard.WizardStep;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The wizard as screens: one per engine step, swapped as the step changes, with "start over" on every one. */
final class WizardView {
    static final String ROOT_ID = "smimeWizard";
    static final String STEP_TITLE_ID = "smimeStepTitle";
    static final String PROBLEMS_ID = "smimeProblems";
    static final String PROBLEM_ID = "smimeProblem-";
    static final String RESTART_ID = "smimeRestart";
    static final String PROGRESS_ID = "smimeWizardProgress";

    private final LiveText text;
    private final WizardModel model;
    private final StepScreens screens;

    WizardView(LiveText text, WizardModel model) {
        this.text = text;
        this.model = model;
        this.screens = new StepScreens(text, model);
    }

    Node build() {
        Label title = new Label();
        title.setId(STEP_TITLE_ID);
        title.setStyle("-fx-font-size: 1.3em; -fx-font-weight: bold;");
        title.setWrapText(true);

        Button restart = SmimeControls.button(RESTART_ID, text, SmimeText.WIZARD_RESTART, this::confirmRestart);
        restart.disableProperty().bind(model.busyProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox top = new HBox(12, title, gap, SmimeControls.progress(PROGRESS_ID, text, model.busyProperty()), restart);
        top.setAlignment(Pos.CENTER_LEFT);

        VBox body = new VBox(12);
        VBox root = new VBox(12, top, body);
        root.setId(ROOT_ID);
        root.setPadding(new Insets(16));
        Runnable show = () -> {
            WizardStep step = model.stepProperty().get();
            if (step == null) {
                return;
            }
            StepScreens.Title heading = StepScreens.title(step);
            title.textProperty().bind(SmimeControls.localized(text, new OwnText(SmimeText.WIZARD_STEP, heading.number(),
                    StepScreens.STEPS, new OwnText(heading.key()))));
            body.getChildren().setAll(screens.screen(step, problems()));
        };
        model.stepProperty().addListener((property, before, after) -> show.run());
        show.run();
        ScrollPane scroll = new ScrollPane(root);
        scroll.setFitToWidth(true);
        return scroll;
    }

    /** The last input's problems, each with an icon and a word as well as a colour. */
    private Node problems() {
        VBox box = new VBox(6);
        box.setId(PROBLEMS_ID);
        Runnable fill = () -> {
            box.getChildren().clear();
            for (int i = 0; i < model.problems().size(); i++) {
                ShownProblem problem = model.problems().get(i);
                Label line = new Label();
                line.setId(PROBLEM_ID + i);
                line.setWrapText(true);
                line.setAccessibleRole(AccessibleRole.TEXT);
                line.setFocusTraversable(true);
                line.textProperty().bind(SmimeControls.localized(text, new OwnText(
                        problem.error() ? SmimeText.PROBLEM_ERROR : SmimeText.PROBLEM_WARNING, problem.text())));
                line.setStyle(problem.error() ? "-fx-text-fill: #a00000;" : "-fx-text-fill: #7a5200;");
                box.getChildren().add(line);
            }
        };
        model.problems().addListener((ListChangeListener<ShownProblem>) change -> fill.run());
        fill.run();
        return box;
    }

    private void confirmRestart() {
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, text.now(SmimeText.WIZARD_RESTART_CONFIRM),
                ButtonType.OK, ButtonType.CANCEL);
        confirm.setHeaderText(null);
        confirm.setTitle(text.now(SmimeText.TAB_TITLE));
        confirm.showAndWait().filter(ButtonType.OK::equals).ifPresent(ok -> model.restart());
    }
}
