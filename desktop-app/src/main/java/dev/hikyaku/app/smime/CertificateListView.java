package dev.hikyaku.app.smime;

import dev.hikyaku.app.i18n.LiveText;
import java.io.File;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * The certificate list: the user's own certificates with their history, the contacts' certificates, expiry
 * warnings marked with an icon and a word (not colour alone); drop .cer/.pem/.p7s/.eml files to add contacts'
 * certificates; export the user's own certificate (public part) as .cer.
 */
final class CertificateListView {
    static final String OWN_TABLE_ID = "smimeOwnTable";
    static final String CONTACTS_TABLE_ID = "smimeContactsTable";
    static final String EXPORT_ID = "smimeExport";
    static final String REFRESH_ID = "smimeRefresh";
    static final String STATUS_ID = "smimeListStatus";
    static final String DROP_ID = "smimeListDrop";

    private final LiveText text;
    private final CertificateListModel model;
    private final ZoneId zone;

    CertificateListView(LiveText text, CertificateListModel model, ZoneId zone) {
        this.text = text;
        this.model = model;
        this.zone = zone;
    }

    Node build() {
        TableView<OwnCertificate> own = new TableView<>(model.own());
        own.setId(OWN_TABLE_ID);
        own.setPrefHeight(170);
        own.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        own.accessibleTextProperty().bind(text.text(SmimeText.LIST_OWN));
        own.setPlaceholder(SmimeControls.paragraph(text, SmimeText.LIST_OWN_EMPTY));
        own.getColumns().add(column(SmimeText.COLUMN_ADDRESS, row -> plain(row.addresses())));
        own.getColumns().add(column(SmimeText.COLUMN_ISSUER, row -> plain(row.issuer())));
        own.getColumns().add(column(SmimeText.COLUMN_VALID_UNTIL, row -> plain(date(row.validUntil()))));
        own.getColumns().add(column(SmimeText.COLUMN_STATE, row -> text.text(SmimeText.ownState(row.state()))));
        own.getColumns().add(column(SmimeText.COLUMN_WARNING, row -> row.warning().isPresent()
                ? SmimeControls.localized(text, new OwnText(SmimeText.WARNING_MARKED, new NoticeText(row.warning().get().notice())))
                : plain("")));
        own.setRowFactory(view -> highlighted(row -> row.warning().isPresent()));

        TableView<ContactRow> contacts = new TableView<>(model.contacts());
        contacts.setId(CONTACTS_TABLE_ID);
        contacts.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        contacts.accessibleTextProperty().bind(text.text(SmimeText.LIST_CONTACTS));
        contacts.setPlaceholder(SmimeControls.paragraph(text, SmimeText.LIST_CONTACTS_EMPTY));
        contacts.getColumns().add(column(SmimeText.COLUMN_ADDRESS, row -> plain(row.address())));
        contacts.getColumns().add(column(SmimeText.COLUMN_ISSUER, row -> plain(row.issuer())));
        contacts.getColumns().add(column(SmimeText.COLUMN_VALID_UNTIL, row -> plain(date(row.validUntil()))));
        contacts.getColumns().add(column(SmimeText.COLUMN_SOURCE, row -> plain(row.sources())));
        contacts.getColumns().add(column(SmimeText.COLUMN_STATE, row -> text.text(row.usable()
                ? SmimeText.CONTACT_USABLE : SmimeText.CONTACT_UNUSABLE)));
        contacts.getColumns().add(column(SmimeText.COLUMN_WARNING, row -> row.expiring()
                ? text.text(SmimeText.CONTACT_EXPIRING) : plain("")));
        contacts.setRowFactory(view -> highlighted(ContactRow::expiring));
        VBox.setVgrow(contacts, Priority.ALWAYS);

        Button export = SmimeControls.button(EXPORT_ID, text, SmimeText.LIST_EXPORT, () -> export(own));
        export.disableProperty().bind(own.getSelectionModel().selectedItemProperty().isNull().or(model.busyProperty()));
        Button refresh = SmimeControls.button(REFRESH_ID, text, SmimeText.LIST_REFRESH, model::refresh);
        refresh.disableProperty().bind(model.busyProperty());

        Label drop = SmimeControls.paragraph(text, SmimeText.LIST_DROP);
        drop.setId(DROP_ID);
        drop.setPadding(new Insets(10));
        drop.setMaxWidth(Double.MAX_VALUE);
        drop.setStyle("-fx-border-color: derive(-fx-base, -30%); -fx-border-style: dashed; -fx-border-width: 2;");
        Label status = new Label();
        status.setId(STATUS_ID);
        status.setWrapText(true);
        status.setAccessibleRole(AccessibleRole.TEXT);
        status.setFocusTraversable(true);
        Runnable showStatus = () -> status.textProperty().bind(SmimeControls.localized(text,
                model.statusProperty().get().orElse(locale -> "")));
        model.statusProperty().addListener((property, before, after) -> showStatus.run());
        showStatus.run();

        HBox ownActions = new HBox(12, export, refresh, SmimeControls.progress("smimeListProgress", text, model.busyProperty()));
        ownActions.setAlignment(Pos.CENTER_LEFT);
        VBox root = new VBox(10, SmimeControls.heading(text, SmimeText.LIST_OWN), own,
                SmimeControls.paragraph(text, SmimeText.LIST_HISTORY_NOTE), ownActions,
                SmimeControls.heading(text, SmimeText.LIST_CONTACTS), drop, contacts, status);
        root.setPadding(new Insets(16));
        root.addEventHandler(DragEvent.DRAG_OVER, event -> {
            if (event.getDragboard().hasFiles()) {
                event.acceptTransferModes(TransferMode.COPY);
            }
        });
        root.addEventHandler(DragEvent.DRAG_DROPPED, event -> {
            if (event.getDragboard().hasFiles()) {
                drop(event.getDragboard().getFiles());
                event.setDropCompleted(true);
                event.consume();
            }
        });
        model.refresh();
        return root;
    }

    /** What a drop on the list does: the files go to the contacts' store. */
    void drop(List<File> files) {
        if (!files.isEmpty()) {
            model.importFiles(files.stream().map(File::toPath).toList());
        }
    }

    private void export(TableView<OwnCertificate> own) {
        OwnCertificate chosen = own.getSelectionModel().getSelectedItem();
        FileChooser chooser = new FileChooser();
        chooser.setTitle(text.now(SmimeText.LIST_EXPORT));
        chooser.setInitialFileName(chosen.identity().addresses().stream().findFirst().orElse("certificate") + ".cer");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("*.cer", "*.cer"));
        File target = chooser.showSaveDialog(own.getScene().getWindow());
        if (target != null) {
            model.export(chosen, target.toPath());
        }
    }

    private String date(Instant instant) {
        return LocalDate.ofInstant(instant, zone).toString();
    }

    private static ObservableValue<String> plain(String value) {
        return new ReadOnlyStringWrapper(value);
    }

    private <R> TableColumn<R, String> column(SmimeText title, Function<R, ObservableValue<String>> value) {
        TableColumn<R, String> column = new TableColumn<>();
        column.textProperty().bind(text.text(title));
        column.setCellValueFactory(cell -> value.apply(cell.getValue()));
        return column;
    }

    /** Rows with a warning get a tint as well as the warning column's icon and word. */
    private static <R> TableRow<R> highlighted(java.util.function.Predicate<R> warned) {
        TableRow<R> row = new TableRow<>() {
            @Override
            protected void updateItem(R item, boolean empty) {
                super.updateItem(item, empty);
                setStyle(!empty && item != null && warned.test(item) ? "-fx-background-color: #fff3cd;" : "");
            }
        };
        return row;
    }
}
