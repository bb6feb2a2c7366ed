package dev.hikyaku.app.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.app.i18n.LiveText;
import dev.hikyaku.app.i18n.UiLanguage;
import dev.hikyaku.app.shell.ShellView;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class CheckerWindowTest {
    private static LoopbackWorld world;

    private final ExecutorService background = Executors.newCachedThreadPool();
    private LiveText text;
    private HeldChecker checker;

    @BeforeAll
    static void startWorld() throws Exception {
        world = new LoopbackWorld();
    }

    @AfterAll
    static void stopWorld() throws Exception {
        world.close();
    }

    @Start
    void start(Stage stage) {
        text = new LiveText(UiLanguage.ENGLISH);
        checker = new HeldChecker(world.checker(), "secure.test");
        CheckerViewModel model = new CheckerViewModel(text, checker, background, Platform::runLater);
        new ShellView(text, List.of(new CheckerView(text, model, checker::close))).show(stage);
    }

    @AfterEach
    void stop() {
        checker.close();
        background.shutdownNow();
    }

    @Test
    void rowsAppearAtOnceWithProgressAndFillInWithTheVerdicts(FxRobot robot) throws Exception {
        robot.clickOn("#" + CheckerView.INPUT_ID).write("secure.test\nclear.test, bad_domain");
        robot.clickOn("#" + CheckerView.CHECK_ID);

        assertTrue(visible(robot, "#" + CheckerView.PROGRESS_ID + 0), "secure.test is being probed");
        assertEquals("secure.test", label(robot, CheckerView.DOMAIN_ID + 0).getText());
        assertEquals("Not a mail domain or address: bad_domain", label(robot, CheckerView.REASON_ID + 2).getText());
        awaitLabel(robot, CheckerView.VERDICT_ID + 1, "Plaintext possible");
        assertTrue(label(robot, CheckerView.REASON_ID + 1).getText().startsWith("Mail to this domain can travel unencrypted"));
        assertTrue(visible(robot, "#" + CheckerView.PROGRESS_ID + 0), "secure.test is still being probed");
        assertEquals("Checking… 1 of 2 domains done.", label(robot, CheckerView.STATUS_ID).getText());

        checker.release();
        awaitLabel(robot, CheckerView.VERDICT_ID + 0, "Authenticated TLS");
        assertTrue(label(robot, CheckerView.REASON_ID + 0).getText().contains("pinned by DANE"));
        assertTrue(robot.lookup("#" + CheckerView.PROGRESS_ID + 0).tryQuery().isEmpty(), "the progress is gone");
        assertEquals("Checked 2 domains.", label(robot, CheckerView.STATUS_ID).getText());
        assertEquals("secure.test: Authenticated TLS. " + label(robot, CheckerView.REASON_ID + 0).getText(),
                robot.lookup("#" + CheckerView.ROW_ID + 0).query().getAccessibleText());
    }

    @Test
    void theEvidenceIsShownOnDemandAndTextsFollowTheLanguage(FxRobot robot) throws Exception {
        checker.release();
        robot.clickOn("#" + CheckerView.INPUT_ID).write("someone@secure.test");
        robot.clickOn("#" + CheckerView.CHECK_ID);
        awaitLabel(robot, CheckerView.VERDICT_ID + 0, "Authenticated TLS");

        TextArea evidence = robot.lookup("#" + CheckerView.EVIDENCE_ID + 0).queryAs(TextArea.class);
        assertFalse(evidence.isVisible(), "the evidence waits to be asked for");
        robot.clickOn("#" + CheckerView.EVIDENCE_BUTTON_ID + 0);
        assertTrue(evidence.isVisible());
        String shown = evidence.getText();
        assertTrue(shown.contains("MX mx.secure.test (preference 10)"), shown);
        assertTrue(shown.contains("STARTTLS: offered; TLSv1."), shown);
        assertTrue(shown.contains("DANE: DANE-EE match"), shown);
        assertTrue(shown.contains("MTA-STS: no policy published"), shown);

        robot.interact(() -> text.languageProperty().set(UiLanguage.JAPANESE));
        assertEquals("認証付き TLS", label(robot, CheckerView.VERDICT_ID + 0).getText());
        assertTrue(evidence.getText().contains("MX mx.secure.test (優先度 10)"), evidence.getText());
    }

    @Test
    void ctrlEnterChecksAndNothingTypedIsExplained(FxRobot robot) {
        robot.clickOn("#" + CheckerView.CHECK_ID);
        assertTrue(label(robot, CheckerView.STATUS_ID).getText().startsWith("Nothing to check"));
        robot.clickOn("#" + CheckerView.INPUT_ID).write("no-dot-here");
        robot.press(javafx.scene.input.KeyCode.CONTROL).press(javafx.scene.input.KeyCode.ENTER)
                .release(javafx.scene.input.KeyCode.ENTER).release(javafx.scene.input.KeyCode.CONTROL);
        assertEquals("Not a mail domain or address: no-dot-here",
                label(robot, CheckerView.REASON_ID + 0).getText());
    }

    private static boolean visible(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(Node::isVisible).orElse(false);
    }

    private static Label label(FxRobot robot, String id) {
        return robot.lookup("#" + id).queryAs(Label.class);
    }

    private static void awaitLabel(FxRobot robot, String id, String expected) throws TimeoutException {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> robot.lookup("#" + id).tryQuery().map(node -> node instanceof Label label
                        && expected.equals(label.getText())).orElse(false));
        // The label may be read while the UI thread is half way through the update: let it finish.
        WaitForAsyncUtils.waitForFxEvents();
    }
}
