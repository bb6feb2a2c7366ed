package dev.hikyaku.app.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.app.i18n.LiveText;
import dev.hikyaku.app.i18n.UiLanguage;
import dev.hikyaku.app.shell.ShellView;
import dev.hikyaku.gateway.archive.Archive;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class ReportWindowTest {
    @TempDir
    static Path temp;

    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private Archive archive;
    private LiveText text;

    @Start
    void start(Stage stage) throws IOException {
        archive = ReportArchive.create(Files.createTempDirectory(temp, "report"));
        text = new LiveText(UiLanguage.ENGLISH);
        ReportViewModel model = new ReportViewModel(text, () -> Optional.of(archive),
                Clock.fixed(ReportArchive.NOW, ZoneOffset.UTC), ZoneOffset.UTC, background, Platform::runLater);
        model.refresh();
        new ShellView(text, List.of(new ReportView(text, model))).show(stage);
    }

    @AfterEach
    void stop() throws IOException {
        background.shutdownNow();
        archive.close();
    }

    @Test
    void theSummaryAndTheChartShowTheSharesOfTheSeededArchive(FxRobot robot) throws Exception {
        awaitSummary(robot, "Last 12 weeks");
        assertEquals("Last 12 weeks, 5 recipients sent to: 40% authenticated TLS, 20% TLS, 0% TLS not verified, "
                + "20% plaintext possible, 20% other or unknown.", summary(robot));

        StackedBarChart<String, Number> chart = robot.lookup("#" + ReportView.CHART_ID).query();
        assertEquals(5, chart.getData().size());
        XYChart.Series<String, Number> authenticated = chart.getData().get(0);
        assertEquals("Authenticated TLS", authenticated.getName());
        assertEquals(12, authenticated.getData().size());
        assertEquals("Jun 2", authenticated.getData().get(11).getXValue());
        assertEquals(67, authenticated.getData().get(11).getYValue());
        assertEquals(33, chart.getData().get(3).getData().get(11).getYValue(), "plaintext this week");
        assertEquals(50, chart.getData().get(1).getData().get(10).getYValue(), "TLS last week");
        assertEquals(50, chart.getData().get(4).getData().get(10).getYValue(), "no verdict last week");
        assertTrue(authenticated.getData().get(11).getNode().getStyleClass().contains("default-color0"));
        assertTrue(chart.getAccessibleText().contains("40% authenticated TLS"));
    }

    @Test
    void monthsAndJapaneseRedrawTheReport(FxRobot robot) throws Exception {
        awaitSummary(robot, "Last 12 weeks");
        robot.clickOn("#" + ReportView.MONTHS_ID);
        awaitSummary(robot, "Last 12 months");
        assertTrue(summary(robot).startsWith("Last 12 months, 5 recipients sent to: 40% authenticated TLS"));
        StackedBarChart<String, Number> chart = robot.lookup("#" + ReportView.CHART_ID).query();
        assertEquals("Jun 2025", chart.getData().get(0).getData().get(11).getXValue());
        assertTrue(chart.getData().get(0).getData().get(11).getNode().getStyleClass().contains("default-color0"),
                "a redraw keeps the verdict colours");

        robot.interact(() -> text.languageProperty().set(UiLanguage.JAPANESE));
        assertEquals("直近 12 か月、送信した宛先 5 件: 認証付き TLS 40%、TLS 20%、TLS (未検証) 0%、平文の可能性 20%、その他・不明 20%。",
                summary(robot));
        assertEquals("2025/6", chart.getData().get(0).getData().get(11).getXValue());
    }

    private static String summary(FxRobot robot) {
        return robot.lookup("#" + ReportView.SUMMARY_ID).queryAs(Label.class).getText();
    }

    private static void awaitSummary(FxRobot robot, String start) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> summary(robot).startsWith(start));
        WaitForAsyncUtils.waitForFxEvents();
    }
}
