package dev.hikyaku.app.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.app.gateway.GatewayPlan;
import dev.hikyaku.app.gateway.GatewayState;
import dev.hikyaku.app.gateway.SubmissionAddress;
import dev.hikyaku.app.i18n.LiveText;
import dev.hikyaku.app.i18n.UiLanguage;
import dev.hikyaku.gateway.config.SettingsReader;
import dev.hikyaku.gateway.config.ConfigException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MainViewModelTest {
    private static final Path OUTBOX = Path.of("data", "sandbox-outbox");

    static GatewayPlan sandbox(int port) throws Exception {
        return new GatewayPlan(new SubmissionAddress(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port)),
                Optional.empty(), OUTBOX);
    }

    private static MainViewModel model(GatewayState state) {
        return new MainViewModel(new LiveText(UiLanguage.ENGLISH), state);
    }

    @Test
    void whileStartingTheSandboxAndTheAddressAreShown() throws Exception {
        MainViewModel model = model(new GatewayState.Starting(sandbox(10587)));
        assertTrue(model.modeProperty().get().contains("sandbox mode"));
        assertTrue(model.modeProperty().get().contains(OUTBOX.toString()));
        assertEquals("127.0.0.1:10587", model.submissionAddressProperty().get());
        assertEquals("Starting the local gateway on 127.0.0.1:10587…", model.gatewayProperty().get());
        assertEquals("", model.fingerprintProperty().get());
        assertEquals("Hikyaku 飛脚", model.titleProperty().get());
    }

    @Test
    void runningShowsTheRealPortAndTheFingerprint() throws Exception {
        MainViewModel model = model(new GatewayState.Starting(sandbox(0)));
        model.gatewayStateProperty().set(new GatewayState.Running(sandbox(40123), "AB:CD"));
        assertEquals("127.0.0.1:40123", model.submissionAddressProperty().get());
        assertEquals("The local gateway is listening on 127.0.0.1:40123.", model.gatewayProperty().get());
        assertTrue(model.fingerprintProperty().get().contains("AB:CD"));
        assertEquals("Outgoing server to set in your mail client: 127.0.0.1:40123",
                model.submissionAccessibleProperty().get());
    }

    @Test
    void aConfiguredUpstreamIsNamed() throws Exception {
        GatewayPlan plan = new GatewayPlan(sandbox(10587).submission(), Optional.of("smtp.example.jp:587"), OUTBOX);
        MainViewModel model = model(new GatewayState.Running(plan, "AB"));
        assertEquals("Mail is delivered through your outgoing server smtp.example.jp:587.", model.modeProperty().get());
    }

    @Test
    void anotherGatewayAndAStartFailureSayWhatToDo() throws Exception {
        MainViewModel model = model(new GatewayState.AlreadyRunning(sandbox(10587)));
        assertTrue(model.gatewayProperty().get().contains("already runs with this data folder"));
        model.gatewayStateProperty().set(new GatewayState.CannotStart(sandbox(10587), "Address already in use"));
        assertTrue(model.gatewayProperty().get().contains("could not start on 127.0.0.1:10587: Address already in use"));
        assertTrue(model.gatewayProperty().get().contains("listen.port"));
    }

    @Test
    void aConfigurationMistakeIsShownInTheChosenLanguage() {
        ConfigException problem = assertThrowsConfig();
        MainViewModel model = model(new GatewayState.BadConfiguration(problem));
        assertEquals("", model.submissionAddressProperty().get());
        assertEquals("The local gateway did not start: " + problem.message(UiLanguage.ENGLISH.locale()),
                model.gatewayProperty().get());
        model.languageProperty().set(UiLanguage.JAPANESE);
        assertEquals("ローカルゲートウェイを起動しませんでした: " + problem.message(UiLanguage.JAPANESE.locale()),
                model.gatewayProperty().get());
    }

    @Test
    void switchingTheLanguageRelabelsEveryText() throws Exception {
        MainViewModel model = model(new GatewayState.Running(sandbox(10587), "AB"));
        model.languageProperty().set(UiLanguage.JAPANESE);
        assertEquals("状態", model.statusHeadingProperty().get());
        assertTrue(model.modeProperty().get().contains("サンドボックスモード"));
        assertEquals("ローカルゲートウェイが 127.0.0.1:10587 で待ち受けています。", model.gatewayProperty().get());
        assertEquals("言語(_L):", model.languageLabelProperty().get());
        assertEquals("メールソフトに設定する送信サーバー: 127.0.0.1:10587", model.submissionAccessibleProperty().get());
        model.languageProperty().set(UiLanguage.ENGLISH);
        assertEquals("Status", model.statusHeadingProperty().get());
    }

    @Test
    void ipv6AddressesAreBracketed() throws Exception {
        assertEquals("[0:0:0:0:0:0:0:1]:2525",
                new SubmissionAddress(new InetSocketAddress(InetAddress.getByName("::1"), 2525)).hostAndPort());
    }

    private static ConfigException assertThrowsConfig() {
        try {
            SettingsReader.read(Map.of(), Map.of("listen.port", "eleven"), Path.of("data"));
        } catch (ConfigException e) {
            return e;
        }
        throw new AssertionError("a bad port must be refused");
    }
}
