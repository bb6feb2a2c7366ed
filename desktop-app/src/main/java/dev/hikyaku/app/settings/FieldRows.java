package dev.hikyaku.app.settings;

import dev.hikyaku.app.i18n.LiveText;
import dev.hikyaku.app.i18n.Messages;
import dev.hikyaku.app.i18n.UiLanguage;
import java.io.File;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

/**
 * The rows of one group of settings: a label and a control per field (text field, check box, drop-down or file),
 * bound to the {@link SettingsModel}, with the gateway's problem under the field in words and an icon.
 */
final class FieldRows {
    private final LiveText text;
    private final SettingsModel model;
    private final Map<SettingField, Control> controls = new EnumMap<>(SettingField.class);

    FieldRows(LiveText text, SettingsModel model) {
        this.text = text;
        this.model = model;
    }

    /** A grid of the fields of {@code group}. */
    GridPane grid(SettingGroup group) {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(4);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMaxWidth(330);
        ColumnConstraints controlColumn = new ColumnConstraints();
        controlColumn.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, controlColumn);
        int row = 0;
        for (SettingField field : SettingField.values()) {
            if (field.group() != group) {
                continue;
            }
            Control control = newControl(field);
            controls.put(field, control);
            control.accessibleTextProperty().bind(Bindings.createStringBinding(
                    () -> accessible(field, text.languageProperty().get().locale()), text.languageProperty()));
            control.accessibleHelpProperty().bind(model.problemProperty(field));
            if (field.kind() == SettingField.Kind.YES_NO) {
                grid.add(control, 0, row, 2, 1);
            } else {
                Label label = new Label();
                label.setId(field.id() + "-label");
                label.textProperty().bind(text.text(field));
                label.setWrapText(true);
                label.setLabelFor(control);
                grid.add(label, 0, row);
                grid.add(field.kind() == SettingField.Kind.FILE ? withBrowse(field, (TextField) control) : control,
                        1, row);
            }
            row++;
            Label problem = new Label();
            problem.setId(field.id() + "-problem");
            problem.setWrapText(true);
            problem.setStyle("-fx-text-fill: #b00020;");
            problem.textProperty().bind(model.problemProperty(field));
            problem.visibleProperty().bind(problem.textProperty().isNotEmpty());
            problem.managedProperty().bind(problem.visibleProperty());
            grid.add(problem, 0, row, 2, 1);
            row++;
        }
        return grid;
    }

    /** The control of {@code field}, once its group is built. */
    Optional<Control> built(SettingField field) {
        return Optional.ofNullable(controls.get(field));
    }

    private Control newControl(SettingField field) {
        StringProperty value = model.valueProperty(field);
        Control control = switch (field.kind()) {
            case TEXT, FILE -> textField(value);
            case YES_NO -> checkBox(field, value);
            case CHOICE -> choice(field, value);
        };
        control.setId(field.id());
        return control;
    }

    private static TextField textField(StringProperty value) {
        TextField field = new TextField();
        field.textProperty().bindBidirectional(value);
        return field;
    }

    private CheckBox checkBox(SettingField field, StringProperty value) {
        CheckBox box = new CheckBox();
        box.textProperty().bind(text.text(field));
        box.setWrapText(true);
        Runnable fromValue = () -> {
            Optional<Boolean> yes = yesNo(value.get());
            box.setIndeterminate(yes.isEmpty());
            box.setSelected(yes.orElse(false));
        };
        fromValue.run();
        value.addListener((observable, before, after) -> fromValue.run());
        box.selectedProperty().addListener((observable, before, after) -> {
            if (!box.isIndeterminate() && yesNo(value.get()).orElse(!after) != after) {
                value.set(after ? "yes" : "no");
            }
        });
        box.indeterminateProperty().addListener((observable, before, after) -> {
            if (!after && yesNo(value.get()).isEmpty()) {
                value.set(box.isSelected() ? "yes" : "no");
            }
        });
        return box;
    }

    /** The gateway's yes and no words; empty for anything else (the gateway then names the mistake). */
    private static Optional<Boolean> yesNo(String value) {
        return switch (value == null ? "" : value.strip().toLowerCase(Locale.ROOT)) {
            case "yes", "true", "on" -> Optional.of(true);
            case "no", "false", "off" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    private ComboBox<String> choice(SettingField field, StringProperty value) {
        ComboBox<String> box = new ComboBox<>();
        field.choices().forEach(choice -> box.getItems().add(choice.value()));
        Runnable fromValue = () -> {
            String current = value.get() == null ? "" : value.get();
            // A word the window does not offer (typed by hand) stays visible, so its problem can be seen.
            if (!box.getItems().contains(current)) {
                box.getItems().add(current);
            }
            box.setValue(current);
        };
        fromValue.run();
        value.addListener((observable, before, after) -> fromValue.run());
        box.valueProperty().addListener((observable, before, after) -> {
            if (after != null && !after.equals(value.get())) {
                value.set(after);
            }
        });
        box.converterProperty().bind(Bindings.createObjectBinding(() -> converter(), text.languageProperty()));
        return box;
    }

    private StringConverter<String> converter() {
        Messages messages = new Messages(text.languageProperty().get());
        return new StringConverter<>() {
            @Override
            public String toString(String value) {
                return value == null ? "" : SettingChoice.of(value).map(messages::format).orElse(value);
            }

            @Override
            public String fromString(String shown) {
                return shown;
            }
        };
    }

    private HBox withBrowse(SettingField field, TextField path) {
        Button browse = new Button();
        browse.setId(field.id() + "-browse");
        browse.textProperty().bind(text.text(SettingsText.BROWSE));
        browse.accessibleTextProperty().bind(text.text(SettingsText.BROWSE_ACCESSIBLE));
        browse.setMnemonicParsing(true);
        browse.setOnAction(event -> {
            FileChooser chooser = new FileChooser();
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PEM", "*.pem", "*.crt", "*.cer"));
            File chosen = chooser.showOpenDialog(browse.getScene().getWindow());
            if (chosen != null) {
                path.setText(chosen.getAbsolutePath());
            }
        });
        HBox.setHgrow(path, Priority.ALWAYS);
        return new HBox(6, path, browse);
    }

    private static String accessible(SettingField field, Locale locale) {
        String label = new Messages(UiLanguage.forLocale(locale)).format(field);
        return label.endsWith(":") ? label.substring(0, label.length() - 1) : label;
    }
}
