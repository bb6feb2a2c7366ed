package dev.hikyaku.app.clients.thunderbird;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;

/**
 * What the set-up changed in a profile, kept beside the backup so an undo can put back exactly that, also after
 * Thunderbird has rewritten its files.
 *
 * @param applied the change as the user sees it
 * @param prefsSha256 the SHA-256 of the prefs.js the set-up wrote
 * @param previousPrefs every preference it set, with the value it had before (empty: not set)
 * @param overridesSha256 the SHA-256 of the cert_override.txt it wrote
 * @param overridesExisted whether there was a cert_override.txt before
 * @param overrideLine the override line it added
 * @param replacedOverrides the lines for the same host and port it took out
 */
record SetupRecord(AppliedSetup applied, String prefsSha256, Map<String, Optional<PrefValue>> previousPrefs,
                   String overridesSha256, boolean overridesExisted, String overrideLine,
                   List<String> replacedOverrides) {
    static final String FILE = "setup.properties";

    SetupRecord {
        previousPrefs = Map.copyOf(previousPrefs);
        replacedOverrides = List.copyOf(replacedOverrides);
    }

    /** The record as a properties file (UTF-8). */
    byte[] toBytes() {
        Properties properties = new Properties();
        SmtpServer previous = applied.previous();
        properties.setProperty("server.id", previous.id());
        properties.setProperty("server.hostname", previous.hostname());
        previous.port().ifPresent(port -> properties.setProperty("server.port", Integer.toString(port)));
        properties.setProperty("server.security", previous.security().name());
        properties.setProperty("server.auth", previous.auth().name());
        properties.setProperty("server.username", previous.username());
        properties.setProperty("server.description", previous.description());
        properties.setProperty("target", applied.hostAndPort());
        properties.setProperty("fingerprint", applied.fingerprint());
        properties.setProperty("appliedAt", applied.appliedAt().toString());
        properties.setProperty("prefs.sha256", prefsSha256);
        int index = 0;
        for (Map.Entry<String, Optional<PrefValue>> pref : previousPrefs.entrySet()) {
            properties.setProperty("pref." + index + ".name", pref.getKey());
            properties.setProperty("pref." + index + ".before", encode(pref.getValue()));
            index++;
        }
        properties.setProperty("overrides.sha256", overridesSha256);
        properties.setProperty("overrides.existed", Boolean.toString(overridesExisted));
        properties.setProperty("override.line", overrideLine);
        for (int i = 0; i < replacedOverrides.size(); i++) {
            properties.setProperty("override.replaced." + i, replacedOverrides.get(i));
        }
        StringWriter text = new StringWriter();
        try {
            properties.store(text, "Hikyaku's change to this Thunderbird profile; Hikyaku's undo reads it.");
        } catch (IOException e) {
            throw new IllegalStateException("a StringWriter does not fail", e);
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The record in {@code bytes}; anything missing or malformed means the backup cannot be trusted. */
    static SetupRecord parse(Path profile, Path file, byte[] bytes) throws ThunderbirdSetupException {
        Properties properties = new Properties();
        try (Reader reader = new StringReader(new String(bytes, StandardCharsets.UTF_8))) {
            properties.load(reader);
            SmtpServer previous = new SmtpServer(required(properties, "server.id"), SmtpServer.SMTP,
                    required(properties, "server.hostname"),
                    properties.containsKey("server.port")
                            ? OptionalInt.of(Integer.parseInt(properties.getProperty("server.port")))
                            : OptionalInt.empty(),
                    SmtpSecurity.valueOf(required(properties, "server.security")),
                    SmtpAuth.valueOf(required(properties, "server.auth")),
                    required(properties, "server.username"),
                    required(properties, "server.description"));
            AppliedSetup applied = new AppliedSetup(profile, previous, required(properties, "target"),
                    required(properties, "fingerprint"), Instant.parse(required(properties, "appliedAt")));
            Map<String, Optional<PrefValue>> prefs = new LinkedHashMap<>();
            for (int i = 0; properties.containsKey("pref." + i + ".name"); i++) {
                prefs.put(properties.getProperty("pref." + i + ".name"),
                        decode(required(properties, "pref." + i + ".before")));
            }
            List<String> replaced = new ArrayList<>();
            for (int i = 0; properties.containsKey("override.replaced." + i); i++) {
                replaced.add(properties.getProperty("override.replaced." + i));
            }
            return new SetupRecord(applied, required(properties, "prefs.sha256"), prefs,
                    required(properties, "overrides.sha256"),
                    Boolean.parseBoolean(required(properties, "overrides.existed")),
                    required(properties, "override.line"), replaced);
        } catch (IOException | IllegalArgumentException | DateTimeParseException e) {
            throw new ThunderbirdSetupException(e, ThunderbirdText.BACKUP_DAMAGED, file.toString());
        }
    }

    private static String required(Properties properties, String key) {
        String value = properties.getProperty(key);
        if (value == null) {
            throw new IllegalArgumentException("missing " + key);
        }
        return value;
    }

    private static String encode(Optional<PrefValue> value) {
        if (value.isEmpty()) {
            return "absent";
        }
        if (value.get() instanceof PrefValue.Text text) {
            return "text:" + text.value();
        }
        if (value.get() instanceof PrefValue.Number number) {
            return "number:" + number.value();
        }
        return "flag:" + ((PrefValue.Flag) value.get()).value();
    }

    private static Optional<PrefValue> decode(String value) {
        if (value.equals("absent")) {
            return Optional.empty();
        }
        if (value.startsWith("text:")) {
            return Optional.of(new PrefValue.Text(value.substring("text:".length())));
        }
        if (value.startsWith("number:")) {
            return Optional.of(new PrefValue.Number(Integer.parseInt(value.substring("number:".length()))));
        }
        if (value.equals("flag:true") || value.equals("flag:false")) {
            return Optional.of(new PrefValue.Flag(value.equals("flag:true")));
        }
        throw new IllegalArgumentException("not a recorded preference value: " + value);
    }
}
