package dev.hikyaku.app.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class BundleCompletenessTest {
    private static final String ENGLISH = "/dev/hikyaku/app/messages.properties";
    private static final String JAPANESE = "/dev/hikyaku/app/messages_ja.properties";

    @Test
    void bothBundlesHaveTheSameKeys() throws IOException {
        assertEquals(keys(load(ENGLISH)), keys(load(JAPANESE)));
    }

    @Test
    void everyKeyTheCodeUsesIsInTheBundleAndNoOther() throws IOException {
        Set<String> used = Arrays.stream(MessageKey.values()).map(MessageKey::key)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(used, keys(load(ENGLISH)));
    }

    @Test
    void noValueIsBlank() throws IOException {
        for (String resource : new String[] {ENGLISH, JAPANESE}) {
            Properties bundle = load(resource);
            for (String key : bundle.stringPropertyNames()) {
                assertFalse(bundle.getProperty(key).isBlank(), resource + ": " + key + " is empty");
            }
        }
    }

    @Test
    void apostrophesAreDoubledForMessageFormat() throws IOException {
        for (String resource : new String[] {ENGLISH, JAPANESE}) {
            Properties bundle = load(resource);
            for (String key : bundle.stringPropertyNames()) {
                String withoutDoubled = bundle.getProperty(key).replace("''", "");
                assertFalse(withoutDoubled.contains("'"), resource + ": " + key + " has a lone apostrophe");
            }
        }
    }

    @Test
    void japaneseBundleIsReadAsUtf8() {
        assertEquals("状態", new Messages(UiLanguage.JAPANESE).format(MessageKey.STATUS_HEADING));
    }

    private static Set<String> keys(Properties bundle) {
        return new TreeSet<>(bundle.stringPropertyNames());
    }

    private static Properties load(String resource) throws IOException {
        try (InputStream in = BundleCompletenessTest.class.getResourceAsStream(resource)) {
            assertNotNull(in, resource);
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                Properties properties = new Properties();
                properties.load(reader);
                return properties;
            }
        }
    }
}
