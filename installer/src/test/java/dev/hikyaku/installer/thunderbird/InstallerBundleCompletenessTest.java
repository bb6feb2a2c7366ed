package dev.hikyaku.installer.thunderbird;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class InstallerBundleCompletenessTest {
    private static final String ENGLISH = "/dev/hikyaku/installer/messages.properties";
    private static final String JAPANESE = "/dev/hikyaku/installer/messages_ja.properties";

    @Test
    void bothBundlesHaveTheSameKeysAndNoBlankOrLoneApostrophe() throws IOException {
        Properties english = load(ENGLISH);
        Properties japanese = load(JAPANESE);
        assertEquals(new TreeSet<>(english.stringPropertyNames()), new TreeSet<>(japanese.stringPropertyNames()));
        for (Properties bundle : new Properties[] {english, japanese}) {
            for (String key : bundle.stringPropertyNames()) {
                String value = bundle.getProperty(key);
                assertFalse(value.isBlank(), key);
                assertFalse(value.replace("''", "").contains("'"), key + " has a lone apostrophe");
            }
        }
    }

    private static Properties load(String resource) throws IOException {
        try (InputStream in = InstallerBundleCompletenessTest.class.getResourceAsStream(resource)) {
            assertNotNull(in, resource);
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                Properties properties = new Properties();
                properties.load(reader);
                return properties;
            }
        }
    }
}
