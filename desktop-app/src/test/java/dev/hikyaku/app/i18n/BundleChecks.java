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

/** The checks every window's bundle passes: both languages, exactly the enum's keys, no blanks, MessageFormat-safe. */
public final class BundleChecks {
    private BundleChecks() {
    }

    /** Checks the bundle of the {@link TextKey} enum {@code keys}. */
    public static <K extends Enum<K> & TextKey> void assertComplete(Class<K> keys) throws IOException {
        K[] all = keys.getEnumConstants();
        String base = "/" + all[0].bundle().replace('.', '/');
        Properties english = load(base + ".properties");
        Properties japanese = load(base + "_ja.properties");
        assertEquals(names(english), names(japanese), "both languages have the same keys");
        Set<String> used = Arrays.stream(all).map(TextKey::key).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(used, names(english), "every key the code uses is in the bundle, and no other");
        for (Properties bundle : new Properties[] {english, japanese}) {
            for (String key : bundle.stringPropertyNames()) {
                String value = bundle.getProperty(key);
                assertFalse(value.isBlank(), base + ": " + key + " is empty");
                assertFalse(value.replace("''", "").contains("'"), base + ": " + key + " has a lone apostrophe");
            }
        }
    }

    private static Set<String> names(Properties bundle) {
        return new TreeSet<>(bundle.stringPropertyNames());
    }

    private static Properties load(String resource) throws IOException {
        try (InputStream in = BundleChecks.class.getResourceAsStream(resource)) {
            assertNotNull(in, resource);
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                Properties properties = new Properties();
                properties.load(reader);
                return properties;
            }
        }
    }
}
