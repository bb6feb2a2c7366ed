package dev.hikyaku.app.report;

import dev.hikyaku.advisor.verdict.Level;
import dev.hikyaku.app.checker.VerdictBadge;
import dev.hikyaku.app.i18n.LiveText;
import dev.hikyaku.app.i18n.TextKey;
import dev.hikyaku.app.shell.AppServices;
import dev.hikyaku.app.shell.Section;
import dev.hikyaku.gateway.Gateway;
import dev.hikyaku.gateway.events.GatewayEvent;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The report section: a stacked bar per week or month of the shares of recipients by route, in the verdict
 * colours, with the same numbers in a sentence beside it for everyone who does not read charts.
 */
public final class ReportView implements Section {
    /** The tab's id. */
    public static final String SECTION_ID = "reportSection";
    // Node ids, for tests.
    static final String WEEKS_ID = "reportWeeks";
    static final String MONTHS_ID = "reportMonths";
    static final String REFRESH_ID = "reportRefresh";
    static final String CHART_ID = "reportChart";
    static final String SUMMARY_ID = "reportSummary";
    static final String STATUS_ID = "reportStatus";

    private final LiveText text;
    private final ReportViewModel model;

    /** A view of {@code model}. */
    public ReportView(LiveText text, ReportViewModel model) {
        this.text = text;
        this.model = model;
    }

    /** The report on the app gateway's archive, redrawn when the gateway starts and when mail was sent. */
    public static ReportView forApp(AppServices services, ObservableValue<?> gatewayState) {
        ReportViewModel model = new ReportViewModel(services.text(),
                () -> services.gateway().gateway().map(Gateway::archive), services.clock(), ZoneId.systemDefault(),
                services.background(), services.ui());
        gatewayState.addListener((observable, before, after) -> model.refresh());
        services.events().subscribe(event -> {
            if (event instanceof GatewayEvent.Finished) {
                model.refresh();
            }
        });
        model.refresh();
        return new ReportView(services.text(), model);
    }

    @Override
    public String id() {
        return SECTION_ID;
    }

    @Override
    public TextKey title() {
        return ReportText.TAB_TITLE;
    }

    @Override
    public Node content() {
        Label heading = new Label();
        heading.textProperty().bind(text.text(ReportText.HEADING));
        heading.setStyle("-fx-font-size: 1.3em; -fx-font-weight: bold;");
        Label intro = new Label();
        intro.setWrapText(true);
        intro.textProperty().bind(text.text(ReportText.INTRO));

        StackedBarChart<String, Number> chart = chart();
        Label summary = new Label();
        summary.setId(SUMMARY_ID);
        summary.setWrapText(true);
        summary.setFocusTraversable(true);
        summary.setAccessibleRole(AccessibleRole.TEXT);
        summary.setMaxWidth(260);
        summary.setStyle("-fx-font-size: 1.1em;");
        summary.textProperty().bind(model.summaryProperty());
        Label status = new Label();
        status.setId(STATUS_ID);
        status.setWrapText(true);
        status.setMaxWidth(260);
        status.textProperty().bind(model.statusProperty());
        VBox side = new VBox(12, summary, status);
        HBox.setHgrow(chart, Priority.ALWAYS);
        HBox body = new HBox(16, chart, side);
        VBox.setVgrow(body, Priority.ALWAYS);

        VBox root = new VBox(10, heading, intro, controls(), body);
        root.setPadding(new Insets(16));
        return root;
    }

    private Node controls() {
        ToggleGroup group = new ToggleGroup();
        RadioButton weeks = choice(WEEKS_ID, ReportText.PERIOD_WEEKS, Granularity.WEEK, group);
        RadioButton months = choice(MONTHS_ID, ReportText.PERIOD_MONTHS, Granularity.MONTH, group);
        group.selectToggle(model.granularityProperty().get() == Granularity.WEEK ? weeks : months);
        group.selectedToggleProperty().addListener((observable, before, after) -> {
            if (after != null) {
                model.granularityProperty().set((Granularity) after.getUserData());
            }
        });
        Button refresh = new Button();
        refresh.setId(REFRESH_ID);
        refresh.setMnemonicParsing(true);
        refresh.textProperty().bind(text.text(ReportText.REFRESH_BUTTON));
        refresh.accessibleTextProperty().bind(text.text(ReportText.REFRESH_ACCESSIBLE));
        refresh.setOnAction(event -> model.refresh());
        refresh.disableProperty().bind(model.loadingProperty());
        Label label = new Label();
        label.textProperty().bind(text.text(ReportText.PERIOD_LABEL));
        HBox controls = new HBox(12, label, weeks, months, refresh);
        controls.setAlignment(Pos.CENTER_LEFT);
        return controls;
    }

    private RadioButton choice(String id, ReportText key, Granularity granularity, ToggleGroup group) {
        RadioButton button = new RadioButton();
        button.setId(id);
        button.setMnemonicParsing(true);
        button.textProperty().bind(text.text(key));
        button.setUserData(granularity);
        button.setToggleGroup(group);
        return button;
    }

    private StackedBarChart<String, Number> chart() {
        CategoryAxis periods = new CategoryAxis();
        NumberAxis share = new NumberAxis(0, 100, 25);
        share.labelProperty().bind(text.text(ReportText.AXIS_SHARE));
        StackedBarChart<String, Number> chart = new StackedBarChart<>(periods, share);
        chart.setId(CHART_ID);
        chart.setAnimated(false);
        chart.setCategoryGap(8);
        chart.getStylesheets().add(colours());
        chart.accessibleTextProperty().bind(Bindings.createStringBinding(
                () -> text.now(ReportText.CHART_ACCESSIBLE, model.summaryProperty().get()), model.summaryProperty(),
                text.languageProperty()));
        Runnable draw = () -> draw(chart, model.reportProperty().get());
        model.reportProperty().addListener((observable, before, after) -> draw.run());
        text.languageProperty().addListener((observable, before, after) -> draw.run());
        draw.run();
        return chart;
    }

    private void draw(StackedBarChart<String, Number> chart, RouteReport report) {
        chart.getData().clear();
        if (report == null) {
            return;
        }
        DateTimeFormatter format = DateTimeFormatter.ofPattern(text.now(report.granularity() == Granularity.WEEK
                ? ReportText.AXIS_WEEK_PATTERN : ReportText.AXIS_MONTH_PATTERN), text.languageProperty().get().locale());
        ((CategoryAxis) chart.getXAxis()).getCategories().setAll(report.periods().stream()
                .map(period -> format.format(period.start())).toList());
        for (RouteClass route : RouteClass.values()) {
            XYChart.Series<String, Number> series = new XYChart.Series<>();
            series.setName(text.now(route.word()));
            for (RouteReport.Period period : report.periods()) {
                Map<RouteClass, Integer> percent = period.counts().percent();
                series.getData().add(new XYChart.Data<>(format.format(period.start()), percent.get(route)));
            }
            chart.getData().add(series);
        }
    }

    /** The bars and legend in the verdict colours, series in {@link RouteClass} order. */
    private static String colours() {
        StringBuilder css = new StringBuilder();
        RouteClass[] routes = RouteClass.values();
        for (int i = 0; i < routes.length; i++) {
            String colour = routes[i] == RouteClass.OTHER ? VerdictBadge.hex(Level.UNKNOWN)
                    : VerdictBadge.hex(Level.valueOf(routes[i].name()));
            css.append(".default-color").append(i).append(".chart-bar { -fx-bar-fill: ").append(colour).append("; }\n");
            css.append(".default-color").append(i).append(".chart-legend-item-symbol { -fx-background-color: ")
                    .append(colour).append("; }\n");
        }
        return "data:text/css;base64," + Base64.getEncoder().encodeToString(css.toString()
                .getBytes(StandardCharsets.UTF_8));
    }
}
