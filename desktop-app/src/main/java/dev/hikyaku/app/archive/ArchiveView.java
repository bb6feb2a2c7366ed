package dev.hikyaku.app.archive;

import dev.hikyaku.advisor.verdict.Level;
import dev.hikyaku.app.checker.CheckerText;
import dev.hikyaku.app.checker.VerdictBadge;
import dev.hikyaku.app.i18n.LiveText;
import dev.hikyaku.app.i18n.TextKey;
import dev.hikyaku.app.shell.AppServices;
import dev.hikyaku.app.shell.Section;
import dev.hikyaku.gateway.Gateway;
import dev.hikyaku.gateway.archive.ArchiveEntry;
import dev.hikyaku.gateway.archive.ArchivedMessage;
import dev.hikyaku.gateway.archive.DeliveryRecord;
import dev.hikyaku.gateway.archive.RecipientStatus;
import dev.hikyaku.gateway.archive.VariantRecord;
import dev.hikyaku.gateway.events.GatewayEvent;
import dev.hikyaku.gateway.guard.Reason;
import dev.hikyaku.gateway.mime.Attachment;
import dev.hikyaku.gateway.mime.MailAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The archive section: search as you type, filters, the messages found and the one selected, with what was sent
 * to whom and how, and export as .eml.
 */
public final class ArchiveView implements Section {
    /** The tab's id. */
    public static final String SECTION_ID = "archiveSection";
    // Node ids, for tests; per-recipient and per-copy nodes end in "-" and their index.
    static final String SEARCH_ID = "archiveSearch";
    static final String FROM_ID = "archiveFrom";
    static final String UNTIL_ID = "archiveUntil";
    static final String DOMAIN_ID = "archiveDomain";
    static final String LEVEL_ID = "archiveLevel";
    static final String CLEAR_ID = "archiveClear";
    static final String STATUS_ID = "archiveStatus";
    static final String SEARCHING_ID = "archiveSearching";
    static final String RESULTS_ID = "archiveResults";
    static final String DETAILS_ID = "archiveDetails";
    static final String SUBJECT_ID = "archiveDetailSubject";
    static final String FROM_LINE_ID = "archiveDetailFrom";
    static final String RECEIVED_ID = "archiveDetailReceived";
    static final String CANCELLED_ID = "archiveDetailCancelled";
    static final String RECIPIENT_ID = "archiveRecipient-";
    static final String ROUTE_ID = "archiveRoute-";
    static final String ATTACHMENT_ID = "archiveAttachment-";
    static final String RULE_ID = "archiveRule-";
    static final String COPY_ID = "archiveCopy-";
    static final String EXPORT_COPY_ID = "archiveExportCopy-";
    static final String EXPORT_ORIGINAL_ID = "archiveExportOriginal";
    static final String EXPORT_STATUS_ID = "archiveExportStatus";

    private static final long SEARCH_PAUSE_MILLIS = 250;

    private final LiveText text;
    private final ArchiveViewModel model;
    private final SaveTarget saveTarget;
    private final ZoneId zone;
    /** The message last opened from the table, selected again when a refreshed search still finds it. */
    private String openedId;

    /** A view of {@code model}; exports ask {@code saveTarget} where to write; times shown in {@code zone}. */
    public ArchiveView(LiveText text, ArchiveViewModel model, SaveTarget saveTarget, ZoneId zone) {
        this.text = text;
        this.model = model;
        this.saveTarget = saveTarget;
        this.zone = zone;
    }

    /**
     * The archive of the app's gateway; searched again when {@code gatewayState} changes (the archive opens with
     * the gateway) and when the gateway reports mail accepted, sent or given up.
     */
    public static ArchiveView forApp(AppServices services, ObservableValue<?> gatewayState) {
        ZoneId zone = ZoneId.systemDefault();
        ArchiveViewModel model = new ArchiveViewModel(services.text(),
                () -> services.gateway().gateway().map(Gateway::archive),
                CompletableFuture.delayedExecutor(SEARCH_PAUSE_MILLIS, TimeUnit.MILLISECONDS, services.background()),
                services.background(), services.ui(), zone);
        gatewayState.addListener((observable, before, after) -> model.refresh());
        services.events().subscribe(event -> {
            if (changesTheArchive(event)) {
                model.refresh();
            }
        });
        model.refresh();
        return new ArchiveView(services.text(), model, SaveTarget.fileChooser(), zone);
    }

    private static boolean changesTheArchive(GatewayEvent event) {
        return event instanceof GatewayEvent.Accepted || event instanceof GatewayEvent.Finished
                || event instanceof GatewayEvent.Delivered || event instanceof GatewayEvent.Failed
                || event instanceof GatewayEvent.Cancelled || event instanceof GatewayEvent.VerdictKnown;
    }

    @Override
    public String id() {
        return SECTION_ID;
    }

    @Override
    public TextKey title() {
        return ArchiveText.TAB_TITLE;
    }

    @Override
    public Node content() {
        TableView<ArchiveEntry> table = table();
        VBox details = new VBox(8);
        details.setId(DETAILS_ID);
        details.setPadding(new Insets(12));
        Runnable showDetails = () -> details.getChildren().setAll(details(model.detailsProperty().get()));
        model.detailsProperty().addListener((observable, before, after) -> showDetails.run());
        model.openingProperty().addListener((observable, before, after) -> showDetails.run());
        text.languageProperty().addListener((observable, before, after) -> showDetails.run());
        showDetails.run();
        ScrollPane detailScroll = new ScrollPane(details);
        detailScroll.setFitToWidth(true);

        SplitPane split = new SplitPane(table, detailScroll);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.35);
        VBox.setVgrow(split, Priority.ALWAYS);

        VBox root = new VBox(8, searchLine(), filterLine(), statusLine(), split);
        root.setPadding(new Insets(12));
        return root;
    }

    private Node searchLine() {
        TextField search = new TextField();
        search.setId(SEARCH_ID);
        search.textProperty().bindBidirectional(model.searchProperty());
        search.promptTextProperty().bind(text.text(ArchiveText.SEARCH_PROMPT));
        search.accessibleTextProperty().bind(text.text(ArchiveText.SEARCH_ACCESSIBLE));
        HBox.setHgrow(search, Priority.ALWAYS);
        HBox line = new HBox(8, label(ArchiveText.SEARCH_LABEL, search), search);
        line.setAlignment(Pos.CENTER_LEFT);
        return line;
    }

    private Node filterLine() {
        DatePicker from = datePicker(FROM_ID);
        from.valueProperty().bindBidirectional(model.fromProperty());
        DatePicker until = datePicker(UNTIL_ID);
        until.valueProperty().bindBidirectional(model.untilProperty());

        TextField domain = new TextField();
        domain.setId(DOMAIN_ID);
        domain.setPrefColumnCount(12);
        domain.textProperty().bindBidirectional(model.domainProperty());
        domain.promptTextProperty().bind(text.text(ArchiveText.FILTER_DOMAIN_PROMPT));

        ComboBox<Optional<Level>> level = new ComboBox<>();
        level.setId(LEVEL_ID);
        List<Optional<Level>> choices = new ArrayList<>();
        choices.add(Optional.empty());
        for (Level each : Level.values()) {
            choices.add(Optional.of(each));
        }
        level.setItems(FXCollections.observableArrayList(choices));
        level.setConverter(levelNames());
        text.languageProperty().addListener((observable, before, after) -> level.setConverter(levelNames()));
        level.valueProperty().bindBidirectional(model.levelProperty());

        Button clear = new Button();
        clear.setId(CLEAR_ID);
        clear.setMnemonicParsing(true);
        clear.textProperty().bind(text.text(ArchiveText.FILTER_CLEAR));
        clear.accessibleTextProperty().bind(text.text(ArchiveText.FILTER_CLEAR_ACCESSIBLE));
        clear.setOnAction(event -> model.clear());

        FlowPane line = new FlowPane(8, 6, label(ArchiveText.FILTER_FROM, from), from,
                label(ArchiveText.FILTER_UNTIL, until), until, label(ArchiveText.FILTER_DOMAIN, domain), domain,
                label(ArchiveText.FILTER_LEVEL, level), level, clear);
        line.setAlignment(Pos.CENTER_LEFT);
        return line;
    }

    private StringConverter<Optional<Level>> levelNames() {
        return new StringConverter<>() {
            @Override
            public String toString(Optional<Level> level) {
                if (level == null || level.isEmpty()) {
                    return text.now(ArchiveText.FILTER_LEVEL_ANY);
                }
                return text.now(CheckerText.level(level.get()));
            }

            @Override
            public Optional<Level> fromString(String string) {
                return Optional.empty();
            }
        };
    }

    private DatePicker datePicker(String id) {
        DatePicker picker = new DatePicker();
        picker.setId(id);
        picker.setPrefWidth(140);
        picker.accessibleHelpProperty().bind(text.text(ArchiveText.FILTER_DATE_ACCESSIBLE));
        return picker;
    }

    private Node statusLine() {
        ProgressIndicator searching = new ProgressIndicator();
        searching.setId(SEARCHING_ID);
        searching.setPrefSize(16, 16);
        searching.visibleProperty().bind(model.searchingProperty());
        Label status = new Label();
        status.setId(STATUS_ID);
        status.textProperty().bind(model.statusProperty());
        status.setFocusTraversable(true);
        status.setAccessibleRole(AccessibleRole.TEXT);
        HBox line = new HBox(8, searching, status);
        line.setAlignment(Pos.CENTER_LEFT);
        return line;
    }

    private TableView<ArchiveEntry> table() {
        // Sorting by a column sorts a view of the results; the model's list stays newest first.
        SortedList<ArchiveEntry> sorted = new SortedList<>(model.results());
        TableView<ArchiveEntry> table = new TableView<>(sorted);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setId(RESULTS_ID);
        table.accessibleTextProperty().bind(text.text(ArchiveText.RESULTS_ACCESSIBLE));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column(ArchiveText.COLUMN_RECEIVED, entry -> dateTime(entry.receivedAt()), 130));
        table.getColumns().add(column(ArchiveText.COLUMN_FROM, ArchiveEntry::sender, 160));
        table.getColumns().add(column(ArchiveText.COLUMN_SUBJECT, this::subject, 260));
        table.getColumns().add(column(ArchiveText.COLUMN_RECIPIENTS, entry -> entry.recipients().stream()
                .map(RecipientStatus::recipient).collect(Collectors.joining(", ")), 200));
        table.getColumns().add(column(ArchiveText.COLUMN_STATE, entry -> text.now(ArchiveText.state(entry.state())),
                100));
        // A refreshed search keeps the opened message selected (and reads it again: its deliveries may be new).
        table.getSelectionModel().selectedItemProperty().addListener((observable, before, after) -> {
            if (after != null) {
                openedId = after.id();
            }
            model.selectedProperty().set(after);
        });
        model.results().addListener((ListChangeListener<ArchiveEntry>) change -> {
            if (openedId != null && table.getSelectionModel().getSelectedItem() == null) {
                model.results().stream().filter(entry -> entry.id().equals(openedId)).findFirst()
                        .ifPresent(entry -> table.getSelectionModel().select(entry));
            }
        });
        return table;
    }

    private TableColumn<ArchiveEntry, String> column(ArchiveText title, Function<ArchiveEntry, String> value,
                                                     double width) {
        TableColumn<ArchiveEntry, String> column = new TableColumn<>();
        column.textProperty().bind(text.text(title));
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> Bindings.createStringBinding(() -> value.apply(cell.getValue()),
                text.languageProperty()));
        return column;
    }

    private String subject(ArchiveEntry entry) {
        return entry.subject().isBlank() ? text.now(ArchiveText.SUBJECT_NONE) : entry.subject();
    }

    private String dateTime(Instant at) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
                .withLocale(text.languageProperty().get().locale()).withZone(zone).format(at);
    }

    private List<Node> details(MessageDetails shown) {
        List<Node> nodes = new ArrayList<>();
        if (shown == null) {
            Label placeholder = new Label(text.now(model.openingProperty().get() ? ArchiveText.DETAIL_LOADING
                    : ArchiveText.DETAIL_PLACEHOLDER));
            placeholder.setWrapText(true);
            nodes.add(placeholder);
            return nodes;
        }
        ArchivedMessage message = shown.message();
        Label subject = line(SUBJECT_ID, message.summary().subject().isBlank() ? text.now(ArchiveText.SUBJECT_NONE)
                : message.summary().subject());
        subject.setStyle("-fx-font-size: 1.2em; -fx-font-weight: bold;");
        nodes.add(subject);
        String from = message.summary().from().stream().map(ArchiveView::mailbox).collect(Collectors.joining(", "));
        nodes.add(line(FROM_LINE_ID, text.now(ArchiveText.DETAIL_FROM,
                from.isEmpty() ? message.envelopeSender() : from)));
        nodes.add(line(RECEIVED_ID, text.now(ArchiveText.DETAIL_RECEIVED, Date.from(message.receivedAt()),
                text.now(ArchiveText.state(message.state())))));
        message.cancelledAt().ifPresent(at -> {
            Label cancelled = line(CANCELLED_ID, text.now(ArchiveText.DETAIL_CANCELLED, Date.from(at)));
            cancelled.setStyle("-fx-font-weight: bold;");
            nodes.add(cancelled);
        });
        // The exports come first: what left is the headline, the per-recipient story follows.
        nodes.add(exports(message));
        nodes.add(heading(ArchiveText.DETAIL_RECIPIENTS));
        for (int i = 0; i < shown.recipients().size(); i++) {
            nodes.add(recipient(shown.recipients().get(i), i));
        }
        nodes.add(heading(ArchiveText.DETAIL_ATTACHMENTS));
        List<Attachment> attachments = message.summary().attachments();
        if (attachments.isEmpty()) {
            nodes.add(new Label(text.now(ArchiveText.DETAIL_NO_ATTACHMENTS)));
        }
        for (int i = 0; i < attachments.size(); i++) {
            Attachment attachment = attachments.get(i);
            String name = attachment.fileName().isEmpty() ? text.now(ArchiveText.ATTACHMENT_UNNAMED)
                    : attachment.fileName();
            nodes.add(line(ATTACHMENT_ID + i, text.now(attachment.inline() ? ArchiveText.ATTACHMENT_INLINE
                    : ArchiveText.ATTACHMENT_LINE, name, size(attachment.decodedSize()), attachment.contentType())));
        }
        if (!shown.rules().isEmpty()) {
            nodes.add(heading(ArchiveText.DETAIL_RULES));
            Locale locale = text.languageProperty().get().locale();
            for (int i = 0; i < shown.rules().size(); i++) {
                Reason rule = shown.rules().get(i);
                nodes.add(line(RULE_ID + i, rule.render(locale)));
            }
        }
        return nodes;
    }

    private Node recipient(RecipientRoute route, int index) {
        VBox box = new VBox(4);
        box.setId(RECIPIENT_ID + index);
        box.setPadding(new Insets(0, 0, 4, 12));
        Label address = new Label(text.now(ArchiveText.RECIPIENT_STATUS, route.recipient(),
                deliveryWord(route.latest().status())));
        address.setStyle("-fx-font-weight: bold;");
        box.getChildren().add(address);
        if (route.level().isPresent()) {
            Label badge = VerdictBadge.of(route.level().get(), text);
            Label prefix = new Label(text.now(ArchiveText.RECIPIENT_ROUTE, route.domain(), ""));
            HBox line = new HBox(6, prefix, badge);
            line.setId(ROUTE_ID + index);
            line.setAlignment(Pos.CENTER_LEFT);
            box.getChildren().add(line);
            if (!route.reason().isEmpty()) {
                box.getChildren().add(wrapped(route.reason()));
            }
        } else {
            Label none = new Label(text.now(ArchiveText.RECIPIENT_NO_VERDICT, route.domain()));
            none.setId(ROUTE_ID + index);
            box.getChildren().add(none);
        }
        route.planned().ifPresent(action -> box.getChildren().add(new Label(text.now(ArchiveText.RECIPIENT_PLANNED,
                action))));
        box.getChildren().add(new Label(route.copies().isEmpty() ? text.now(ArchiveText.RECIPIENT_SENT_AS_SUBMITTED)
                : text.now(ArchiveText.RECIPIENT_SENT_AS, String.join(", ", route.copies()))));
        for (DeliveryRecord delivery : route.history()) {
            box.getChildren().add(wrapped(text.now(ArchiveText.DELIVERY_LINE, Date.from(delivery.at()),
                    deliveryWord(delivery.status()), delivery.detail())));
        }
        return box;
    }

    private Node exports(ArchivedMessage message) {
        VBox box = new VBox(6);
        Button original = new Button(text.now(ArchiveText.EXPORT_ORIGINAL));
        original.setId(EXPORT_ORIGINAL_ID);
        original.setMnemonicParsing(true);
        original.setAccessibleText(text.now(ArchiveText.EXPORT_ORIGINAL_ACCESSIBLE));
        original.setOnAction(event -> ask(original, message.summary().subject(), "")
                .ifPresent(model::exportOriginal));
        box.getChildren().add(original);
        if (!message.variants().isEmpty()) {
            box.getChildren().add(heading(ArchiveText.DETAIL_COPIES));
        }
        for (int i = 0; i < message.variants().size(); i++) {
            VariantRecord variant = message.variants().get(i);
            Label label = new Label(text.now(ArchiveText.COPY_LINE, variant.label(),
                    String.join(", ", variant.recipients()), size(variant.size())));
            label.setId(COPY_ID + i);
            label.setWrapText(true);
            Button export = new Button(text.now(ArchiveText.EXPORT_VARIANT));
            export.setId(EXPORT_COPY_ID + i);
            export.setAccessibleText(text.now(ArchiveText.EXPORT_VARIANT_ACCESSIBLE, variant.label()));
            export.setOnAction(event -> ask(export, message.summary().subject(), variant.label())
                    .ifPresent(target -> model.exportCopy(variant.label(), target)));
            HBox line = new HBox(8, export, label);
            line.setAlignment(Pos.CENTER_LEFT);
            box.getChildren().add(line);
        }
        Label status = new Label();
        status.setId(EXPORT_STATUS_ID);
        status.setWrapText(true);
        status.textProperty().bind(model.exportStatusProperty());
        box.getChildren().add(status);
        return box;
    }

    private Optional<Path> ask(Node from, String subject, String label) {
        return saveTarget.ask(from.getScene().getWindow(), text.now(ArchiveText.EXPORT_TITLE),
                text.now(ArchiveText.EXPORT_FILTER), FileNames.eml(subject, label));
    }

    private String deliveryWord(String status) {
        return switch (status) {
            case "sent" -> text.now(ArchiveText.DELIVERY_SENT);
            case "deferred" -> text.now(ArchiveText.DELIVERY_DEFERRED);
            case "failed" -> text.now(ArchiveText.DELIVERY_FAILED);
            case "cancelled" -> text.now(ArchiveText.DELIVERY_CANCELLED);
            case RecipientStatus.PENDING -> text.now(ArchiveText.DELIVERY_PENDING);
            default -> status;
        };
    }

    private String size(long bytes) {
        if (bytes < 1024) {
            return text.now(ArchiveText.SIZE_BYTES, bytes);
        }
        if (bytes < 1024 * 1024) {
            return text.now(ArchiveText.SIZE_KILOBYTES, bytes / 1024.0);
        }
        return text.now(ArchiveText.SIZE_MEGABYTES, bytes / (1024.0 * 1024.0));
    }

    private static String mailbox(MailAddress address) {
        return address.displayName().isBlank() ? address.address()
                : address.displayName() + " <" + address.address() + ">";
    }

    private Label label(ArchiveText key, Node target) {
        Label label = new Label();
        label.textProperty().bind(text.text(key));
        label.setMnemonicParsing(true);
        label.setLabelFor(target);
        return label;
    }

    private Label heading(ArchiveText key) {
        Label heading = new Label(text.now(key));
        heading.setStyle("-fx-font-weight: bold; -fx-padding: 6 0 0 0;");
        return heading;
    }

    private static Label line(String id, String value) {
        Label label = new Label(value);
        label.setId(id);
        label.setWrapText(true);
        return label;
    }

    private static Label wrapped(String value) {
        Label label = new Label(value);
        label.setWrapText(true);
        return label;
    }
}
