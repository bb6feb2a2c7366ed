package dev.hikyaku.app.clients.outlook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.app.clients.LocalSubmission;
import dev.hikyaku.app.i18n.LiveText;
import dev.hikyaku.app.i18n.UiLanguage;
import dev.hikyaku.gateway.tls.LocalhostCertificate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class OutlookGuideViewTest {
    @TempDir
    static Path data;

    private LiveText text;

    @Start
    void start(Stage stage) throws Exception {
        Path here = Files.createTempDirectory(data, "case");
        LocalhostCertificate.loadOrCreate(here.resolve("tls"), Clock.systemUTC());
        text = new LiveText(UiLanguage.ENGLISH);
        stage.setScene(new Scene((javafx.scene.Parent) new OutlookGuideView(text, LocalSubmission.read(here, 10587))
                .node(), 800, 600));
        stage.show();
    }

    @Test
    void numbersTheStepsAndFollowsTheLanguage(FxRobot robot) {
        Label outgoing = robot.lookup("#" + OutlookGuideView.LINE_ID + "1_1").queryAs(Label.class);
        assertTrue(outgoing.getText().startsWith("2. Under Outgoing mail, set Server to 127.0.0.1, Port to 10587"),
                outgoing.getText());
        Label exchange = robot.lookup("#" + OutlookGuideView.LINE_ID + "0_1").queryAs(Label.class);
        assertTrue(exchange.getText().startsWith("Exchange and Microsoft 365"), "notes are not numbered");

        robot.interact(() -> text.languageProperty().set(UiLanguage.JAPANESE));

        assertTrue(outgoing.getText().startsWith("2. ［送信メール］で、［サーバー］を 127.0.0.1、［ポート］を 10587"),
                outgoing.getText());
    }

    @Test
    void theButtonCopiesTheValuesToType(FxRobot robot) {
        ScrollPane page = robot.lookup("#" + OutlookGuideView.PAGE_ID).queryAs(ScrollPane.class);
        robot.interact(() -> page.setVvalue(page.getVmax()));
        robot.clickOn("#" + OutlookGuideView.COPY_ID);

        String[] copied = new String[1];
        robot.interact(() -> copied[0] = Clipboard.getSystemClipboard().getString());
        assertEquals("Outgoing mail server (SMTP): 127.0.0.1", copied[0].lines().findFirst().orElseThrow());
    }
}
