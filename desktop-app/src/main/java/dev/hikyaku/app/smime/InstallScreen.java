package dev.hikyaku.app.smime;

import dev.hikyaku.app.i18n.LiveText;
import dev.hikyaku.smime.identity.Pkcs12Format;
import dev.hikyaku.smime.install.InstallReport;
import dev.hikyaku.smime.install.MailClient;
import dev.hikyaku.smime.text.Notice;
import dev.hikyaku.smime.wizard.WizardInput;
import dev.hikyaku.smime.wizard.WizardStep;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;

/**
 * The install step: import into a detected Thunderbird profile with pk12util (or a file and steps without it), or
 * a .pfx and steps for Outlook; the report of the last attempt; then go on (installing is optional).
 */
final class InstallScreen {
    static final String PROFILES_ID = "smimeProfiles";
    static final String NSS_PASSWORD_ID = "smimeNssPassword";
    static final String THUNDERBIRD_ID = "smimeInstallThunderbird";
    static final String FOLDER_ID = "smimeExportFolder";
    static final String FOLDER_BROWSE_ID = "smimeExportBrowse";
    static final String LEGACY_ID = "smimeLegacyPfx";
    static final String OUTLOOK_ID = "smimePrepareOutlook";
    static final String REPORT_ID = "smimeInstallReport";
    static final String DONE_LIST_ID = "smimeInstallDoneList";
    static final String CONTINUE_ID = "smimeInstallContinue";

    private final LiveText text;
    private final WizardModel model;

    InstallScreen(LiveText text, WizardModel model) {
        this.text = text;
        this.model = model;
    }

    Node build(WizardStep.Install step, Node problems) {
        ComboBox<Path> profiles = new ComboBox<>();
        profiles.setId(PROFILES_ID);
        profiles.accessibleTextProperty().bind(text.text(SmimeText.INSTALL_PROFILE));
        model.profiles(found -> {
            profiles.setItems(FXCollections.observableArrayList(found));
            profiles.getSelectionModel().selectFirst();
        });
        PasswordField nssPassword = new PasswordField();
        nssPassword.setId(NSS_PASSWORD_ID);
        nssPassword.accessibleTextProperty().bind(text.text(SmimeText.INSTALL_NSS_PASSWORD));
        TextField folder = new TextField(model.environment().exportFolder().toString());
        folder.setId(FOLDER_ID);
        folder.setPrefColumnCount(32);
        folder.accessibleTextProperty().bind(text.text(SmimeText.INSTALL_FOLDER));
        Button browse = SmimeControls.button(FOLDER_BROWSE_ID, text, SmimeText.BROWSE, () -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle(text.now(SmimeText.INSTALL_FOLDER));
            File chosen = chooser.showDialog(folder.getScene().getWindow());
            if (chosen != null) {
                folder.setText(chosen.getPath());
            }
        });

        Button thunderbird = SmimeControls.button(THUNDERBIRD_ID, text, SmimeText.INSTALL_THUNDERBIRD, () -> {
            Path profile = profiles.getValue();
            String typed = nssPassword.getText();
            nssPassword.clear();
            model.submit(new WizardInput.InstallThunderbird(profile, typed.isEmpty() ? Optional.empty()
                    : Optional.of(typed.toCharArray()), Path.of(folder.getText().strip())));
        });
        thunderbird.disableProperty().bind(model.busyProperty().or(profiles.valueProperty().isNull()));
        Label tool = SmimeControls.paragraph(text, model.environment().nss().isPresent()
                ? SmimeText.INSTALL_PK12UTIL : SmimeText.INSTALL_NO_PK12UTIL);

        CheckBox legacy = new CheckBox();
        legacy.setId(LEGACY_ID);
        legacy.setMnemonicParsing(true);
        legacy.textProperty().bind(text.text(SmimeText.INSTALL_LEGACY));
        Button outlook = SmimeControls.button(OUTLOOK_ID, text, SmimeText.INSTALL_OUTLOOK, () -> model.submit(
                new WizardInput.PrepareOutlook(Path.of(folder.getText().strip()),
                        legacy.isSelected() ? Pkcs12Format.LEGACY : Pkcs12Format.MODERN)));
        outlook.disableProperty().bind(model.busyProperty().or(folder.textProperty().isEmpty()));

        GridPane fields = new GridPane();
        fields.setHgap(10);
        fields.setVgap(8);
        fields.addRow(0, SmimeControls.labelFor(text, SmimeText.INSTALL_PROFILE, profiles), profiles);
        fields.addRow(1, SmimeControls.labelFor(text, SmimeText.INSTALL_NSS_PASSWORD, nssPassword), nssPassword, thunderbird);
        fields.addRow(2, SmimeControls.labelFor(text, SmimeText.INSTALL_FOLDER, folder), folder, browse);
        fields.addRow(3, new Label(), legacy, outlook);

        Label done = new Label();
        done.setId(DONE_LIST_ID);
        done.setWrapText(true);
        List<MailClient> clients = step.done();
        done.textProperty().bind(clients.isEmpty() ? text.text(SmimeText.INSTALL_NONE_YET)
                : text.text(SmimeText.INSTALL_DONE_FOR, clients.stream().map(InstallScreen::clientName)
                        .collect(Collectors.joining(", "))));
        TextArea report = new TextArea();
        report.setId(REPORT_ID);
        report.setEditable(false);
        report.setWrapText(true);
        report.setPrefRowCount(10);
        report.accessibleTextProperty().bind(text.text(SmimeText.INSTALL_REPORT));
        Runnable showReport = () -> {
            Optional<InstallReport> shown = model.reportProperty().get();
            report.setVisible(shown.isPresent());
            report.setManaged(shown.isPresent());
            report.textProperty().bind(SmimeControls.localized(text,
                    locale -> shown.map(value -> describe(value, locale)).orElse("")));
        };
        model.reportProperty().addListener((property, before, after) -> showReport.run());
        showReport.run();

        Button next = SmimeControls.button(CONTINUE_ID, text, clients.isEmpty() ? SmimeText.INSTALL_SKIP : SmimeText.CONTINUE,
                () -> model.submit(new WizardInput.InstallDone()));
        next.disableProperty().bind(model.busyProperty());
        VBox box = new VBox(10, SmimeControls.paragraph(text, SmimeText.INSTALL_EXPLAIN), tool, fields, problems, done,
                report, next);
        box.setPadding(new Insets(0));
        box.setAccessibleRole(AccessibleRole.PARENT);
        return box;
    }

    private static String clientName(MailClient client) {
        return client == MailClient.THUNDERBIRD ? "Thunderbird" : "Outlook";
    }

    /** The report as plain text: what was done, the one-time password once, and the steps numbered. */
    static String describe(InstallReport report, java.util.Locale locale) {
        StringBuilder out = new StringBuilder();
        if (report instanceof InstallReport.Installed installed) {
            out.append(new OwnText(SmimeText.REPORT_INSTALLED, clientName(installed.client()), installed.nickname()).in(locale));
            steps(out, installed.nextSteps(), locale);
        } else if (report instanceof InstallReport.ManualImport manual) {
            out.append(new OwnText(SmimeText.REPORT_MANUAL, clientName(manual.client()), manual.file().toString(),
                    manual.filePassword()).in(locale));
            steps(out, manual.steps(), locale);
            manual.script().ifPresent(script -> out.append("\n\n")
                    .append(new OwnText(SmimeText.REPORT_SCRIPT).in(locale)).append('\n').append(script));
            manual.check().ifPresent(check -> out.append("\n\n")
                    .append(new OwnText(SmimeText.REPORT_CHECK).in(locale)).append('\n').append(check));
        } else if (report instanceof InstallReport.Failed failed) {
            out.append(new OwnText(SmimeText.REPORT_FAILED, clientName(failed.client()), new NoticeText(failed.reason()))
                    .in(locale));
        }
        return out.toString();
    }

    private static void steps(StringBuilder out, List<Notice> steps, java.util.Locale locale) {
        for (int i = 0; i < steps.size(); i++) {
            out.append('\n').append(new OwnText(SmimeText.NUMBERED, i + 1, new NoticeText(steps.get(i))).in(locale));
        }
    }
}
