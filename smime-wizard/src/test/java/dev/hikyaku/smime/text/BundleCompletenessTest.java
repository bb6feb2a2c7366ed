package dev.hikyaku.smime.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every text exists in both languages, and every key the code names exists. */
class BundleCompletenessTest {
    // Literal keys only; keys built from parts (the catalogue's) are checked by the tests of their owners.
    private static final Pattern NAMED_KEY = Pattern.compile("(?:Notice\\.of|Problem\\.error)\\(\"([A-Za-z0-9.]+)\"\\s*[,)]");

    @Test
    void japaneseAndEnglishHaveTheSameKeys() throws IOException {
        assertEquals(keys("messages.properties"), keys("messages_ja.properties"));
    }

    @Test
    void everyKeyTheCodeNamesIsInTheBundles() throws IOException {
        Set<String> known = keys("messages.properties");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                Matcher named = NAMED_KEY.matcher(Files.readString(source));
                while (named.find()) {
                    if (!known.contains(named.group(1))) {
                        missing.add(named.group(1) + " in " + source.getFileName());
                    }
                }
            }
        }
        assertTrue(missing.isEmpty(), missing.toString());
    }

    private static Set<String> keys(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = BundleCompletenessTest.class.getResourceAsStream("/dev/hikyaku/smime/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return new TreeSet<>(properties.stringPropertyNames());
    }
}
