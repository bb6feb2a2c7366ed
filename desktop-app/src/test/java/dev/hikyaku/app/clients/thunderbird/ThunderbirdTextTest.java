package dev.hikyaku.app.clients.thunderbird;

import dev.hikyaku.app.i18n.BundleChecks;
import org.junit.jupiter.api.Test;

class ThunderbirdTextTest {
    @Test
    void bothLanguagesHaveEveryText() throws Exception {
        BundleChecks.assertComplete(ThunderbirdText.class);
    }
}
