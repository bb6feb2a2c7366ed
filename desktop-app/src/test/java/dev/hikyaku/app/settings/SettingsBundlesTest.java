package dev.hikyaku.app.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.app.i18n.BundleChecks;
import dev.hikyaku.gateway.config.SettingsReader;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class SettingsBundlesTest {
    @Test
    void everySettingsBundleIsCompleteInBothLanguages() throws IOException {
        BundleChecks.assertComplete(SettingsText.class);
        BundleChecks.assertComplete(SettingField.class);
        BundleChecks.assertComplete(SettingChoice.class);
    }

    @Test
    void everyEditedKeyIsAGatewayKeyAndEveryChoiceIsAWordTheGatewayTakes() {
        for (SettingField field : SettingField.values()) {
            assertTrue(SettingsReader.DEFAULTS.containsKey(field.confKey()), field.confKey());
            if (field.kind() == SettingField.Kind.CHOICE) {
                assertTrue(field.choices().stream().anyMatch(choice -> choice.value().equals(field.defaultValue())),
                        field.confKey() + " offers its default");
            }
        }
        assertEquals(SettingField.LISTEN_PORT, SettingField.forKey("listen.port").orElseThrow());
    }
}
