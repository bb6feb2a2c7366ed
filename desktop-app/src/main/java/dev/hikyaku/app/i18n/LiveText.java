package dev.hikyaku.app.i18n;

import java.util.EnumMap;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/** The current language and texts that follow it, so switching the language re-labels what is bound. */
public final class LiveText {
    private final ObjectProperty<UiLanguage> language;
    private final Map<UiLanguage, Messages> loaded = new EnumMap<>(UiLanguage.class);

    /** Starts in {@code initial}. */
    public LiveText(UiLanguage initial) {
        this.language = new SimpleObjectProperty<>(this, "language", initial);
    }

    /** The language every text of this instance is shown in. */
    public ObjectProperty<UiLanguage> languageProperty() {
        return language;
    }

    /** A text for {@code key} that changes with the language. */
    public StringBinding text(TextKey key, Object... arguments) {
        return Bindings.createStringBinding(() -> messages().format(key, arguments), language);
    }

    /** The text for {@code key} in the current language, once (for a dialog or a notification). */
    public String now(TextKey key, Object... arguments) {
        return messages().format(key, arguments);
    }

    private Messages messages() {
        return loaded.computeIfAbsent(language.get(), Messages::new);
    }
}
