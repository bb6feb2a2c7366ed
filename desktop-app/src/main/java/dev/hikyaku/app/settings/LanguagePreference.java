package dev.hikyaku.app.settings;

import dev.hikyaku.app.i18n.UiLanguage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The language the user chose for the windows, kept in the data folder beside gateway.conf (the gateway refuses
 * keys it does not know, so the choice has a small file of its own). None kept: follow the OS.
 */
public final class LanguagePreference {
    /** The file's name in the data folder. */
    public static final String FILE_NAME = "app-language.conf";
    private static final String KEY = "language";

    private final ConfFile file;

    /** The preference kept in {@code dataDirectory}. */
    public LanguagePreference(Path dataDirectory) {
        this.file = new ConfFile(dataDirectory.resolve(FILE_NAME));
    }

    /** The kept choice; empty when the windows follow the OS (or the file is unreadable). */
    public Optional<UiLanguage> saved() {
        try {
            for (String line : file.lines()) {
                int equals = line.indexOf('=');
                if (equals > 0 && line.substring(0, equals).strip().equals(KEY)) {
                    return parse(line.substring(equals + 1).strip());
                }
            }
        } catch (IOException e) {
            // An unreadable choice is no choice: the OS language applies, as before the user chose.
        }
        return Optional.empty();
    }

    /** Keeps {@code choice} (empty: follow the OS) for the next start. */
    public void save(Optional<UiLanguage> choice) throws IOException {
        String value = choice.map(language -> language.locale().getLanguage()).orElse("system");
        file.write(List.of("# The language of the Hikyaku windows: ja, en or system.", KEY + " = " + value));
    }

    private static Optional<UiLanguage> parse(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "ja" -> Optional.of(UiLanguage.JAPANESE);
            case "en" -> Optional.of(UiLanguage.ENGLISH);
            default -> Optional.empty();
        };
    }
}
