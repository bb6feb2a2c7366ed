package dev.hikyaku.app.clients.thunderbird;

import dev.hikyaku.app.i18n.LiveText;
import java.util.function.Function;
import javafx.beans.binding.StringBinding;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The Thunderbird set-up as a page to embed (the first-run flow, a settings page), bound to a
 * {@link ThunderbirdSetupModel}: profile and account choices, what the change does, apply and undo.
 */
public final class ThunderbirdSetupView {
    /** The page's node id. */
    public static final String PAGE_ID = "thunderbirdSetup";
    /** The profile choice's node id. */
    public static final String PROFILE_ID = "thunderbirdProfile";
    /** The account choice's node id. */
    public static final String ACCOUNT_ID = "thunderbirdAccount";
    /** The node id of the text saying what the change does. */
    public static final String PLAN_ID = "thunderbirdPlan";
    /** The node id of the text saying what happened. */
    public static final String STATUS_ID = "thunderbirdStatus";
    /** The apply button's node id. */
    public static final String APPLY_ID = "thunderbirdApply";
    /** The undo button's node id. */
    public static final String UNDO_ID = "thunderbirdUndo";

    private final LiveText text;
    private final ThunderbirdSetupModel model;

    /** A view of {@code model}, speaking through {@code text}. */
    public ThunderbirdSetupView(LiveText text, ThunderbirdSetupModel model) {
        this.text = text;
        this.model = model;
    }

    /** The page. */
    public Node node() {
        ComboBox<ThunderbirdProfile> profile = choice(PROFILE_ID, profileItem -> profileItem.isDefault()
                ? text.text(ThunderbirdText.VIEW_PROFILE_DEFAULT, profileItem.name())
                : constant(profileItem.name()));
        profile.setItems(model.profiles());
        profile.valueProperty().bindBidirectional(model.profileProperty());

        ComboBox<ThunderbirdAccount> account = choice(ACCOUNT_ID, accountItem -> accountItem.outgoing()
                .map(server -> text.text(ThunderbirdText.VIEW_ACCOUNT_ITEM, accountItem.name(),
                        server.label() + " (" + server.hostname() + ":" + server.effectivePort() + ")"))
                .orElse(text.text(ThunderbirdText.VIEW_ACCOUNT_NO_SERVER, accountItem.name())));
        account.setItems(model.accounts());
        account.valueProperty().bindBidirectional(model.accountProperty());

        GridPane choices = new GridPane();
        choices.setHgap(8);
        choices.setVgap(8);
        choices.addRow(0, label(ThunderbirdText.VIEW_PROFILE, profile), profile);
        choices.addRow(1, label(ThunderbirdText.VIEW_ACCOUNT, account), account);

        Label plan = new Label();
        plan.setId(PLAN_ID);
        plan.setWrapText(true);
        plan.setFocusTraversable(true);
        plan.textProperty().bind(model.planProperty());

        Button apply = button(APPLY_ID, ThunderbirdText.VIEW_APPLY);
        apply.disableProperty().bind(model.canApplyProperty().not());
        apply.setOnAction(event -> model.apply());
        apply.setDefaultButton(true);
        Button undo = button(UNDO_ID, ThunderbirdText.VIEW_UNDO);
        undo.disableProperty().bind(model.canUndoProperty().not());
        undo.setOnAction(event -> model.undo());

        Label status = new Label();
        status.setId(STATUS_ID);
        status.setWrapText(true);
        status.setFocusTraversable(true);
        status.textProperty().bind(model.statusProperty());

        VBox page = new VBox(14, choices, plan, new HBox(10, apply, undo), status);
        page.setId(PAGE_ID);
        page.setPadding(new Insets(16));
        return page;
    }

    private <T> ComboBox<T> choice(String id, Function<T, StringBinding> label) {
        ComboBox<T> box = new ComboBox<>();
        box.setId(id);
        box.disableProperty().bind(model.busyProperty());
        box.setCellFactory(list -> new BoundCell<>(label));
        box.setButtonCell(new BoundCell<>(label));
        box.setMaxWidth(Double.MAX_VALUE);
        return box;
    }

    private Label label(ThunderbirdText key, Node labelFor) {
        Label label = new Label();
        label.setMnemonicParsing(true);
        label.textProperty().bind(text.text(key));
        label.setLabelFor(labelFor);
        return label;
    }

    private Button button(String id, ThunderbirdText key) {
        Button button = new Button();
        button.setId(id);
        button.setMnemonicParsing(true);
        button.textProperty().bind(text.text(key));
        return button;
    }

    private static StringBinding constant(String value) {
        return javafx.beans.binding.Bindings.createStringBinding(() -> value);
    }

    /** A list cell whose text follows the language switch. */
    private static final class BoundCell<T> extends ListCell<T> {
        private final Function<T, StringBinding> label;

        BoundCell(Function<T, StringBinding> label) {
            this.label = label;
        }

        @Override
        protected void updateItem(T item, boolean empty) {
            super.updateItem(item, empty);
            textProperty().unbind();
            if (empty || item == null) {
                setText(null);
            } else {
                textProperty().bind(label.apply(item));
            }
        }
    }
}
