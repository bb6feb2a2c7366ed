package dev.hikyaku.app.settings;

import dev.hikyaku.app.i18n.TextKey;
import java.util.Arrays;
import java.util.Optional;

/** A value a choice field may take, as gateway.conf spells it, with its label in the user's language. */
enum SettingChoice implements TextKey {
    STARTTLS("starttls"),
    TLS("tls"),
    NONE("none"),
    ALL("all"),
    EXTERNAL("external"),
    LISTED("listed"),
    UNLISTED("unlisted"),
    BCC_ONLY("bcc-only"),
    PER_RECIPIENT("per-recipient"),
    AS_IS("as-is"),
    ZIP("zip"),
    AES_ZIP("aes-zip"),
    AES_ZIP_AGREED("aes-zip-agreed"),
    AES_ZIP_FRESH("aes-zip-fresh"),
    HOLD("hold"),
    REFUSE("refuse");

    static final String BUNDLE = "dev.hikyaku.app.settings.choices";

    private final String value;

    SettingChoice(String value) {
        this.value = value;
    }

    /** The word gateway.conf holds. */
    String value() {
        return value;
    }

    /** The choice gateway.conf's word names, ignoring case. */
    static Optional<SettingChoice> of(String value) {
        return Arrays.stream(values()).filter(choice -> choice.value.equalsIgnoreCase(value.strip())).findFirst();
    }

    @Override
    public String bundle() {
        return BUNDLE;
    }

    @Override
    public String key() {
        return "choice." + value;
    }
}
