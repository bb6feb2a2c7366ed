package dev.hikyaku.app.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class BundleCompletenessTest {
    @Test
    void theMainWindowBundleIsComplete() throws IOException {
        BundleChecks.assertComplete(MessageKey.class);
    }

    @Test
    void japaneseBundleIsReadAsUtf8() {
        assertEquals("状態", new Messages(UiLanguage.JAPANESE).format(MessageKey.STATUS_HEADING));
    }
}
