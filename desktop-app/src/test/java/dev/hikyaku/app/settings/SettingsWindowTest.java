package dev.hikyaku.app.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.app.gateway.FreePort;
import dev.hikyaku.app.gateway.GatewayState;
import dev.hikyaku.app.i18n.UiLanguage;
import dev.hikyaku.gateway.packaging.passphrase.BookEntry;
import dev.hikyaku.testworld.dns.DnsWorld;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
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
class SettingsWindowTest {
    @TempDir
    static Path folder;

    private final DnsWorld dns = DnsWorld.start();
    private Path data;
    private Path conf;
    private String original;
    private int port;
    private RunningApp app;

    @Start
    void start(Stage stage) throws IOException {
        data = Files.createTempDirectory(folder, "data");
        conf = data.resolve("gateway.conf");
        port = FreePort.pick();
        // Verdict look-ups go to the loopback DNS world, never the system's resolver.
        original = "# Hikyaku for the test\nlisten.port = " + port + "\n\n# the loopback resolver\ndns.server = 127.0.0.1:"
                + dns.port() + "\n";
        Files.writeString(conf, original, StandardCharsets.UTF_8);
        app = RunningApp.start(data, Map.of(), UiLanguage.ENGLISH);
        app.show(stage);
    }

    @AfterEach
    void stop() throws IOException {
        app.close();
        dns.close();
    }

    private void openSettings(FxRobot robot) throws TimeoutException {
        app.await(state -> state instanceof GatewayState.Running);
        robot.interact(() -> robot.lookup("#sections").queryAs(TabPane.class).getSelectionModel().select(1));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> String.valueOf(port).equals(field(robot, SettingField.LISTEN_PORT).getText()));
    }

    private void page(FxRobot robot, SettingsPage page) {
        robot.interact(() -> {
            TabPane pages = robot.lookup("#" + SettingsSection.PAGES_ID).queryAs(TabPane.class);
            pages.getSelectionModel().select(page.ordinal());
        });
    }

    private static TextInputControl field(FxRobot robot, SettingField field) {
        return robot.lookup("#" + field.id()).queryAs(TextInputControl.class);
    }

    private static void replace(FxRobot robot, TextInputControl field, String text) {
        robot.clickOn(field);
        robot.interact(field::selectAll);
        robot.write(text);
    }

    private static Label label(FxRobot robot, String id) {
        return robot.lookup("#" + id).queryAs(Label.class);
    }

    private static String problem(FxRobot robot, SettingField field) {
        return label(robot, field.id() + "-problem").getText();
    }

    private void awaitStatus(FxRobot robot, String part) throws TimeoutException {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> label(robot, SettingsSection.STATUS_ID).getText().contains(part));
    }

    @Test
    void aBadPortShowsTheGatewaysMessageByTheFieldAndWritesNothing(FxRobot robot) throws Exception {
        openSettings(robot);
        page(robot, SettingsPage.SERVER);
        replace(robot, field(robot, SettingField.LISTEN_PORT), "eleven");
        robot.clickOn("#" + SettingsSection.SAVE_ID);
        awaitStatus(robot, "Nothing was saved");

        String shown = problem(robot, SettingField.LISTEN_PORT);
        assertTrue(shown.startsWith("⚠ Problem: Setting listen.port (line 2): \"eleven\" is not a port"), shown);
        assertEquals(original, Files.readString(conf, StandardCharsets.UTF_8), "nothing was written");
        assertTrue(app.runner().state() instanceof GatewayState.Running, "the gateway was left alone");
        assertTrue(field(robot, SettingField.LISTEN_PORT).isFocused(), "the field to fix has the focus");
    }

    @Test
    void aBadDomainIsShownOnItsPageWithTheGatewaysOwnText(FxRobot robot) throws Exception {
        openSettings(robot);
        page(robot, SettingsPage.ROUTES);
        replace(robot, field(robot, SettingField.DOMAINS_PARTNER), "example.co.jp, not a domain!");
        page(robot, SettingsPage.GUARDS);
        robot.clickOn("#" + SettingsSection.SAVE_ID);
        awaitStatus(robot, "Nothing was saved");

        assertEquals(SettingsPage.ROUTES.ordinal(), robot.lookup("#" + SettingsSection.PAGES_ID)
                .queryAs(TabPane.class).getSelectionModel().getSelectedIndex(), "the page of the field is shown");
        String shown = problem(robot, SettingField.DOMAINS_PARTNER);
        assertTrue(shown.contains("domains.partner") && shown.contains("\"not a domain!\" is not a domain name"), shown);
        assertEquals("", problem(robot, SettingField.LISTEN_PORT));
        assertEquals(original, Files.readString(conf, StandardCharsets.UTF_8));
    }

    @Test
    void savingRewritesTheFileKeepingCommentsAndRestartsTheGatewayOnTheNewPort(FxRobot robot) throws Exception {
        openSettings(robot);
        int newPort = FreePort.pick();
        replace(robot, field(robot, SettingField.LISTEN_PORT), Integer.toString(newPort));
        page(robot, SettingsPage.GUARDS);
        // Far down the guards page: switched from the keyboard.
        robot.interact(() -> robot.lookup("#" + SettingField.HOLD_ON.id()).query().requestFocus());
        robot.type(KeyCode.SPACE);
        robot.clickOn("#" + SettingsSection.SAVE_ID);
        awaitStatus(robot, "The gateway restarted");

        List<String> lines = Files.readAllLines(conf, StandardCharsets.UTF_8);
        assertEquals(List.of("# Hikyaku for the test", "listen.port = " + newPort, "", "# the loopback resolver",
                "dns.server = 127.0.0.1:" + dns.port(), "guard.hold = yes"), lines);
        assertFalse(Files.exists(data.resolve("gateway.conf.new")));
        GatewayState.Running running = assertInstanceOf(GatewayState.Running.class,
                app.await(state -> state instanceof GatewayState.Running now
                        && now.plan().submission().address().getPort() == newPort));
        assertEquals(newPort, running.plan().submission().address().getPort());
        robot.interact(() -> robot.lookup("#sections").queryAs(TabPane.class).getSelectionModel().select(0));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> label(robot, "submissionAddress").getText().equals("127.0.0.1:" + newPort));
        assertTrue(label(robot, "gateway").getText().contains("listening on 127.0.0.1:" + newPort));
        assertTrue(refused(port), "the old port is closed");
    }

    @Test
    void switchingTheLanguageRelabelsTheSettingsAndTheGatewaysMessage(FxRobot robot) throws Exception {
        openSettings(robot);
        replace(robot, field(robot, SettingField.LISTEN_PORT), "0");
        robot.clickOn("#" + SettingsSection.SAVE_ID);
        awaitStatus(robot, "Nothing was saved");
        page(robot, SettingsPage.LANGUAGE);
        robot.clickOn("#" + LanguagePane.JAPANESE_ID);

        assertEquals("設定", robot.lookup("#sections").queryAs(TabPane.class).getTabs().get(1).getText());
        assertEquals("保存してゲートウェイを再起動(_S)",
                robot.lookup("#" + SettingsSection.SAVE_ID).queryAs(Button.class).getText());
        assertEquals("メールソフトの送信先ポート (127.0.0.1):", label(robot, SettingField.LISTEN_PORT.id() + "-label").getText());
        assertTrue(label(robot, SettingsSection.STATUS_ID).getText().startsWith("保存していません"));
        page(robot, SettingsPage.SERVER);
        String shown = problem(robot, SettingField.LISTEN_PORT);
        assertTrue(shown.startsWith("⚠ 問題: ") && shown.contains("listen.port"), shown);
        assertFalse(shown.contains("is not a port"), "the gateway's message is in Japanese too: " + shown);
        assertEquals(UiLanguage.JAPANESE, new LanguagePreference(data).saved().orElseThrow(), "kept for next start");

        page(robot, SettingsPage.LANGUAGE);
        robot.clickOn("#" + LanguagePane.ENGLISH_ID);
        assertEquals("Settings", robot.lookup("#sections").queryAs(TabPane.class).getTabs().get(1).getText());
    }

    @Test
    void aPassphraseIsAddedAndRemovedThroughTheWindowAndNeverShownBack(FxRobot robot) throws Exception {
        openSettings(robot);
        page(robot, SettingsPage.PASSPHRASES);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> !robot.lookup("#" + PassphrasePane.KEEP_ID).queryAs(Button.class).isDisabled());
        robot.clickOn("#" + PassphrasePane.CONTACT_ID).write("partner.example.jp");
        robot.clickOn("#" + PassphrasePane.PASSPHRASE_ID).write("short");
        robot.clickOn("#" + PassphrasePane.REPEAT_ID).write("short");
        robot.clickOn("#" + PassphrasePane.HINT_ID).write("the June meeting");
        robot.clickOn("#" + PassphrasePane.KEEP_ID);
        assertEquals("A password must have 8 to 128 characters.", label(robot, PassphrasePane.STATUS_ID).getText());
        assertTrue(book().isEmpty(), "a refused passphrase is not kept");
        assertEquals("", robot.lookup("#" + PassphrasePane.PASSPHRASE_ID).queryAs(TextField.class).getText(),
                "the typed passphrase is cleared");

        robot.clickOn("#" + PassphrasePane.PASSPHRASE_ID).write("Correct-Horse-42");
        robot.clickOn("#" + PassphrasePane.REPEAT_ID).write("Correct-Horse-42");
        robot.clickOn("#" + PassphrasePane.KEEP_ID);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table(robot).getItems().size() == 1);
        BookEntry entry = table(robot).getItems().get(0);
        assertEquals("partner.example.jp", entry.contact().value());
        assertEquals("the June meeting", entry.hint());
        assertEquals("The passphrase for partner.example.jp is kept.", label(robot, PassphrasePane.STATUS_ID).getText());
        char[] kept = app.runner().gateway().orElseThrow().passphrases().lookup("sato@partner.example.jp")
                .orElseThrow().passphrase().chars();
        assertEquals("Correct-Horse-42", new String(kept), "the gateway's book holds it for the domain's addresses");
        assertTrue(robot.lookup(node -> node instanceof Labeled labeled
                && labeled.getText() != null && labeled.getText().contains("Correct-Horse")).tryQuery().isEmpty(),
                "the passphrase is shown nowhere");

        // The row's cell is made at the next layout pulse after the item arrives.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".table-row-cell").tryQuery().isPresent());
        robot.clickOn(robot.lookup(".table-row-cell").nth(0).queryAs(javafx.scene.Node.class));
        assertEquals("partner.example.jp", robot.lookup("#" + PassphrasePane.CONTACT_ID).queryAs(TextField.class)
                .getText(), "choosing a row prepares a change of it");
        robot.clickOn("#" + PassphrasePane.REMOVE_ID);
        robot.clickOn("#" + PassphrasePane.CONFIRM_REMOVE_ID);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table(robot).getItems().isEmpty());
        assertTrue(book().isEmpty());
        assertEquals("The passphrase for partner.example.jp was removed.",
                label(robot, PassphrasePane.STATUS_ID).getText());
    }

    private List<BookEntry> book() {
        return app.runner().gateway().orElseThrow().passphrases().entries();
    }

    @SuppressWarnings("unchecked")
    private static TableView<BookEntry> table(FxRobot robot) {
        return robot.lookup("#" + PassphrasePane.TABLE_ID).queryAs(TableView.class);
    }

    private static boolean refused(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }
}
