package dev.hikyaku.app.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.app.i18n.LiveText;
import dev.hikyaku.app.i18n.UiLanguage;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class MainViewModelTest {
    @Test
    void unconfiguredStatusSaysSandboxAndNotRunning() {
        MainViewModel model = new MainViewModel(new LiveText(UiLanguage.ENGLISH), AppStatus.embeddedDefault());
        assertTrue(model.modeProperty().get().contains("sandbox mode"));
        assertEquals("127.0.0.1:10587", model.submissionAddressProperty().get());
        assertTrue(model.gatewayProperty().get().contains("nothing listens on 127.0.0.1:10587"));
        assertEquals("Hikyaku 飛脚", model.titleProperty().get());
    }

    @Test
    void configuredAndRunningStatusSaysSo() throws Exception {
        AppStatus running = new AppStatus(true, true, new InetSocketAddress(InetAddress.getLoopbackAddress(), 2525));
        MainViewModel model = new MainViewModel(new LiveText(UiLanguage.ENGLISH), running);
        assertTrue(model.modeProperty().get().contains("outgoing server you configured"));
        assertEquals("The local gateway is listening on 127.0.0.1:2525.", model.gatewayProperty().get());
    }

    @Test
    void switchingTheLanguageRelabelsEveryText() {
        MainViewModel model = new MainViewModel(new LiveText(UiLanguage.ENGLISH), AppStatus.embeddedDefault());
        model.languageProperty().set(UiLanguage.JAPANESE);
        assertEquals("状態", model.statusHeadingProperty().get());
        assertTrue(model.modeProperty().get().contains("サンドボックスモード"));
        assertEquals("言語(_L):", model.languageLabelProperty().get());
        assertEquals("メールソフトに設定する送信サーバー: 127.0.0.1:10587", model.submissionAccessibleProperty().get());
        model.languageProperty().set(UiLanguage.ENGLISH);
        assertEquals("Status", model.statusHeadingProperty().get());
    }
}
