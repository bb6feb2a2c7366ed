package dev.hikyaku.app.smime;

import dev.hikyaku.app.i18n.LiveText;
import dev.hikyaku.smime.catalogue.CaEntry;
import dev.hikyaku.smime.request.KeyAlgorithm;
import dev.hikyaku.smime.text.Notice;
import dev.hikyaku.smime.wizard.PathChoice;
import dev.hikyaku.smime.wizard.WizardInput;
import dev.hikyaku.smime.wizard.WizardStep;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * The screens of the wizard's first, second, fifth and last steps (choose a path, make the request or follow the
 * CA's guide, enable signing, finished); the ACME, import and install screens have classes of their own.
 */
final class StepScreens {
    /** How many steps the user sees. */
    static final int STEPS = 6;
    static final String ADDRESS_ID = "smimeAddress";
    static final String NAME_ID = "smimeName";
    static final String PATH_CA_ID = "smimePathCa";
    static final String CA_TABLE_ID = "smimeCaTable";
    static final String PATH_PKCS12_ID = "smimePathPkcs12";
    static final String PATH_COMPANY_ID = "smimePathCompany";
    static final String COMPANY_NAME_ID = "smimeCompanyName";
    static final String COMPANY_ROOT_ID = "smimeCompanyRoot";
    static final String COMPANY_ROOT_BROWSE_ID = "smimeCompanyRootBrowse";
    static final String PATH_ACME_ID = "smimePathAcme";
    static final String ACME_NOTE_ID = "smimeAcmeNote";
    static final String CHOOSE_ID = "smimeChoose";
    static final String KEY_RSA_ID = "smimeKeyRsa";
    static final String KEY_EC_ID = "smimeKeyEc";
    static final String GENERATE_ID = "smimeGenerate";
    static final String PKCS12_INSTEAD_ID = "smimePkcs12Instead";
    static final String GUIDE_STEP_ID = "smimeGuideStep-";
    static final String GUIDE_DONE_ID = "smimeGuideDone";
    static final String SIGN_ID = "smimeSign";
    static final String ENCRYPT_ID = "smimeEncrypt";
    static final String ENABLE_ID = "smimeEnable";
    static final String FINISHED_ID = "smimeFinished";

    /** A step's number and title. */
    record Title(int number, SmimeText key) {
    }

    private final LiveText text;
    private final WizardModel model;
    private final AcmeScreens acme;

    StepScreens(LiveText text, WizardModel model) {
        this.text = text;
        this.model = model;
        this.acme = new AcmeScreens(text, model);
    }

    static Title title(WizardStep step) {
        if (step instanceof WizardStep.ChoosePath) {
            return new Title(1, SmimeText.STEP_CHOOSE);
        } else if (step instanceof WizardStep.MakeRequest) {
            return new Title(2, SmimeText.STEP_REQUEST);
        } else if (step instanceof WizardStep.FollowGuide) {
            return new Title(2, SmimeText.STEP_GUIDE);
        } else if (step instanceof WizardStep.AcmeTerms) {
            return new Title(2, SmimeText.STEP_ACME_TERMS);
        } else if (step instanceof WizardStep.AcmeChallenge) {
            return new Title(2, SmimeText.STEP_ACME_CHALLENGE);
        } else if (step instanceof WizardStep.AcmeValidation) {
            return new Title(2, SmimeText.STEP_ACME_VALIDATION);
        } else if (step instanceof WizardStep.ImportCertificate) {
            return new Title(3, SmimeText.STEP_IMPORT);
        } else if (step instanceof WizardStep.Install) {
            return new Title(4, SmimeText.STEP_INSTALL);
        } else if (step instanceof WizardStep.EnableSigning) {
            return new Title(5, SmimeText.STEP_ENABLE);
        }
        return new Title(6, SmimeText.STEP_FINISHED);
    }

    /** The screen for the step, with the last input's problems placed next to what they are about. */
    Node screen(WizardStep step, Node problems) {
        if (step instanceof WizardStep.ChoosePath) {
            return choosePath(problems);
        } else if (step instanceof WizardStep.MakeRequest request) {
            return makeRequest(request, problems);
        } else if (step instanceof WizardStep.FollowGuide guide) {
            return followGuide(guide, problems);
        } else if (step instanceof WizardStep.AcmeTerms terms) {
            return acme.terms(terms, problems);
        } else if (step instanceof WizardStep.AcmeChallenge challenge) {
            return acme.challenge(challenge, problems);
        } else if (step instanceof WizardStep.AcmeValidation) {
            return acme.validation(problems);
        } else if (step instanceof WizardStep.ImportCertificate importing) {
            return new ImportScreen(text, model).build(importing, problems);
        } else if (step instanceof WizardStep.Install install) {
            return new InstallScreen(text, model).build(install, problems);
        } else if (step instanceof WizardStep.EnableSigning) {
            return enable(problems);
        }
        return finished((WizardStep.Finished) step);
    }

    private Node choosePath(Node problems) {
        TextField address = new TextField();
        address.setId(ADDRESS_ID);
        address.setPromptText("taro@example.co.jp");
        address.accessibleTextProperty().bind(text.text(SmimeText.CHOOSE_ADDRESS));
        TextField name = new TextField();
        name.setId(NAME_ID);
        name.accessibleTextProperty().bind(text.text(SmimeText.CHOOSE_NAME));
        GridPane who = new GridPane();
        who.setHgap(10);
        who.setVgap(8);
        who.addRow(0, SmimeControls.labelFor(text, SmimeText.CHOOSE_ADDRESS, address), address);
        who.addRow(1, SmimeControls.labelFor(text, SmimeText.CHOOSE_NAME, name), name);
        address.setPrefColumnCount(28);

        ToggleGroup paths = new ToggleGroup();
        RadioButton publicCa = SmimeControls.radio(PATH_CA_ID, text, SmimeText.PATH_CA, paths);
        TableView<CaEntry> cas = catalogueTable();
        cas.disableProperty().bind(publicCa.selectedProperty().not());
        RadioButton pkcs12 = SmimeControls.radio(PATH_PKCS12_ID, text, SmimeText.PATH_PKCS12, paths);
        RadioButton company = SmimeControls.radio(PATH_COMPANY_ID, text, SmimeText.PATH_COMPANY, paths);
        TextField companyName = new TextField();
        companyName.setId(COMPANY_NAME_ID);
        companyName.accessibleTextProperty().bind(text.text(SmimeText.COMPANY_NAME));
        TextField companyRoot = new TextField();
        companyRoot.setId(COMPANY_ROOT_ID);
        companyRoot.setPrefColumnCount(30);
        companyRoot.accessibleTextProperty().bind(text.text(SmimeText.COMPANY_ROOT));
        Button browse = SmimeControls.button(COMPANY_ROOT_BROWSE_ID, text, SmimeText.BROWSE, () -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(text.now(SmimeText.COMPANY_ROOT));
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("*.cer, *.crt, *.pem, *.der", "*.cer",
                    "*.crt", "*.pem", "*.der"));
            java.io.File chosen = chooser.showOpenDialog(companyRoot.getScene().getWindow());
            if (chosen != null) {
                companyRoot.setText(chosen.getPath());
            }
        });
        GridPane companyFields = new GridPane();
        companyFields.setHgap(10);
        companyFields.setVgap(8);
        companyFields.setPadding(new Insets(0, 0, 0, 24));
        companyFields.addRow(0, SmimeControls.labelFor(text, SmimeText.COMPANY_NAME, companyName), companyName);
        companyFields.addRow(1, SmimeControls.labelFor(text, SmimeText.COMPANY_ROOT, companyRoot), companyRoot, browse);
        companyFields.disableProperty().bind(company.selectedProperty().not());

        RadioButton acmeRadio = SmimeControls.radio(PATH_ACME_ID, text, SmimeText.PATH_ACME, paths);
        // Always open: a company's own CA may run ACME even while no public CA in the catalogue does; the note says so.
        Label acmeNote = new Label();
        acmeNote.setId(ACME_NOTE_ID);
        acmeNote.setWrapText(true);
        acmeNote.setPadding(new Insets(0, 0, 0, 24));
        boolean offered = model.environment().catalogue().acmeOffered();
        acmeNote.textProperty().bind(SmimeControls.localized(text, new NoticeText(
                Notice.of("catalogue.acme.byDirectory", model.environment().catalogue().asOf()))));
        acmeNote.setVisible(!offered);
        acmeNote.setManaged(!offered);
        AcmeScreens.UrlField url = acme.urlField(acmeRadio);
        publicCa.setSelected(true);
        cas.getSelectionModel().selectFirst();

        Button choose = SmimeControls.button(CHOOSE_ID, text, SmimeText.CONTINUE, () -> {
            if (company.isSelected()) {
                String root = companyRoot.getText().strip();
                model.chooseCompany(address.getText(), name.getText(), companyName.getText(),
                        root.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(Path.of(root)));
                return;
            }
            PathChoice path;
            if (publicCa.isSelected()) {
                CaEntry ca = cas.getSelectionModel().getSelectedItem();
                path = new PathChoice.PublicCa(ca == null ? "" : ca.id());
            } else if (pkcs12.isSelected()) {
                path = new PathChoice.ExistingPkcs12();
            } else {
                java.util.Optional<java.net.URI> directory = url.directory();
                if (directory.isEmpty()) {
                    return;
                }
                path = new PathChoice.Acme(directory.get());
            }
            model.submit(new WizardInput.Choose(address.getText(), name.getText(), path));
        });
        choose.setDefaultButton(true);
        choose.disableProperty().bind(model.busyProperty());
        return new VBox(10, SmimeControls.paragraph(text, SmimeText.CHOOSE_EXPLAIN), who, problems, publicCa, cas, pkcs12,
                company, companyFields, acmeRadio, acmeNote, url.node(), choose);
    }

    private TableView<CaEntry> catalogueTable() {
        TableView<CaEntry> table = new TableView<>(FXCollections.observableArrayList(model.environment().catalogue().entries()));
        table.setId(CA_TABLE_ID);
        table.setPrefHeight(190);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        table.accessibleTextProperty().bind(text.text(SmimeText.PATH_CA));
        table.getColumns().add(column(SmimeText.CA_NAME, entry -> locale -> entry.name(), 0.18));
        table.getColumns().add(column(SmimeText.CA_VERIFIES, entry -> new NoticeText(Notice.of(entry.validation().messageKey())), 0.30));
        table.getColumns().add(column(SmimeText.CA_COST, entry -> new NoticeText(Notice.of(entry.cost().messageKey())), 0.22));
        table.getColumns().add(column(SmimeText.CA_ISSUANCE, entry -> new NoticeText(Notice.of(entry.issuance().messageKey())), 0.30));
        table.setRowFactory(view -> {
            javafx.scene.control.TableRow<CaEntry> row = new javafx.scene.control.TableRow<>();
            javafx.scene.control.Tooltip summary = new javafx.scene.control.Tooltip();
            summary.setWrapText(true);
            summary.setMaxWidth(480);
            row.itemProperty().addListener((property, before, entry) -> {
                if (entry == null) {
                    row.setTooltip(null);
                } else {
                    summary.textProperty().bind(SmimeControls.localized(text, new NoticeText(entry.summary())));
                    row.setTooltip(summary);
                }
            });
            return row;
        });
        return table;
    }

    private TableColumn<CaEntry, String> column(SmimeText title, java.util.function.Function<CaEntry,
            dev.hikyaku.app.i18n.Localized> value, double share) {
        TableColumn<CaEntry, String> column = new TableColumn<>();
        column.textProperty().bind(text.text(title));
        column.setCellValueFactory(cell -> SmimeControls.localized(text, value.apply(cell.getValue())));
        column.setMaxWidth(1000 * share);
        column.setCellFactory(view -> wrapping());
        return column;
    }

    private static javafx.scene.control.TableCell<CaEntry, String> wrapping() {
        javafx.scene.control.TableCell<CaEntry, String> cell = new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
            }
        };
        cell.setWrapText(true);
        return cell;
    }

    private Node makeRequest(WizardStep.MakeRequest step, Node problems) {
        ToggleGroup keys = new ToggleGroup();
        RadioButton rsa = SmimeControls.radio(KEY_RSA_ID, text, SmimeText.KEY_RSA, keys);
        RadioButton ec = SmimeControls.radio(KEY_EC_ID, text, SmimeText.KEY_EC, keys);
        rsa.setSelected(true);
        Button generate = SmimeControls.button(GENERATE_ID, text, SmimeText.GENERATE, () ->
                model.submit(new WizardInput.Generate(ec.isSelected() ? KeyAlgorithm.EC_P256 : KeyAlgorithm.RSA_3072)));
        generate.setDefaultButton(true);
        generate.disableProperty().bind(model.busyProperty());
        Button instead = SmimeControls.button(PKCS12_INSTEAD_ID, text, SmimeText.PKCS12_INSTEAD,
                () -> model.submit(new WizardInput.TakePkcs12Instead()));
        instead.disableProperty().bind(model.busyProperty());
        return new VBox(10, SmimeControls.paragraph(text, SmimeText.REQUEST_EXPLAIN, step.account().address().toString()),
                rsa, ec, problems, new HBox(12, generate, instead));
    }

    private Node followGuide(WizardStep.FollowGuide step, Node problems) {
        VBox steps = new VBox(8);
        List<Notice> notices = step.steps();
        for (int i = 0; i < notices.size(); i++) {
            Label line = new Label();
            line.setId(GUIDE_STEP_ID + i);
            line.setWrapText(true);
            line.setAccessibleRole(AccessibleRole.TEXT);
            line.setFocusTraversable(true);
            line.textProperty().bind(SmimeControls.localized(text, new OwnText(SmimeText.NUMBERED, i + 1,
                    new NoticeText(notices.get(i)))));
            steps.getChildren().add(line);
        }
        TextField website = new TextField(step.ca().website());
        website.setEditable(false);
        website.accessibleTextProperty().bind(text.text(SmimeText.GUIDE_WEBSITE));
        Button done = SmimeControls.button(GUIDE_DONE_ID, text, SmimeText.GUIDE_DONE,
                () -> model.submit(new WizardInput.GuideDone()));
        done.setDefaultButton(true);
        done.disableProperty().bind(model.busyProperty());
        return new VBox(10, SmimeControls.paragraph(text, SmimeText.GUIDE_EXPLAIN, step.ca().name()),
                new HBox(10, SmimeControls.labelFor(text, SmimeText.GUIDE_WEBSITE, website), website), steps, problems, done);
    }

    private Node enable(Node problems) {
        CheckBox sign = new CheckBox();
        sign.setId(SIGN_ID);
        sign.setMnemonicParsing(true);
        sign.textProperty().bind(text.text(SmimeText.ENABLE_SIGN));
        sign.setSelected(true);
        CheckBox encrypt = new CheckBox();
        encrypt.setId(ENCRYPT_ID);
        encrypt.setMnemonicParsing(true);
        encrypt.textProperty().bind(text.text(SmimeText.ENABLE_ENCRYPT));
        encrypt.setSelected(true);
        Button finish = SmimeControls.button(ENABLE_ID, text, SmimeText.ENABLE_FINISH,
                () -> model.submit(new WizardInput.Enable(sign.isSelected(), encrypt.isSelected())));
        finish.setDefaultButton(true);
        finish.disableProperty().bind(model.busyProperty());
        return new VBox(10, SmimeControls.paragraph(text, SmimeText.ENABLE_EXPLAIN), sign, encrypt, problems, finish);
    }

    private Node finished(WizardStep.Finished step) {
        Label summary = new Label();
        summary.setId(FINISHED_ID);
        summary.setWrapText(true);
        summary.setAccessibleRole(AccessibleRole.TEXT);
        summary.setFocusTraversable(true);
        summary.textProperty().bind(Bindings.concat(
                text.text(SmimeText.FINISHED_ADDRESS, step.settings().address()), "\n",
                text.text(step.settings().signOutgoing() ? SmimeText.FINISHED_SIGN_ON : SmimeText.FINISHED_SIGN_OFF), "\n",
                text.text(step.settings().encryptWhenPossible() ? SmimeText.FINISHED_ENCRYPT_ON : SmimeText.FINISHED_ENCRYPT_OFF)));
        return new VBox(10, summary, SmimeControls.paragraph(text, SmimeText.FINISHED_EXPLAIN));
    }
}
