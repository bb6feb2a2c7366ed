package dev.hikyaku.app.settings;

import static dev.hikyaku.app.settings.SettingChoice.AES_ZIP;
import static dev.hikyaku.app.settings.SettingChoice.AES_ZIP_AGREED;
import static dev.hikyaku.app.settings.SettingChoice.AES_ZIP_FRESH;
import static dev.hikyaku.app.settings.SettingChoice.ALL;
import static dev.hikyaku.app.settings.SettingChoice.AS_IS;
import static dev.hikyaku.app.settings.SettingChoice.BCC_ONLY;
import static dev.hikyaku.app.settings.SettingChoice.EXTERNAL;
import static dev.hikyaku.app.settings.SettingChoice.HOLD;
import static dev.hikyaku.app.settings.SettingChoice.LISTED;
import static dev.hikyaku.app.settings.SettingChoice.NONE;
import static dev.hikyaku.app.settings.SettingChoice.PER_RECIPIENT;
import static dev.hikyaku.app.settings.SettingChoice.REFUSE;
import static dev.hikyaku.app.settings.SettingChoice.STARTTLS;
import static dev.hikyaku.app.settings.SettingChoice.TLS;
import static dev.hikyaku.app.settings.SettingChoice.UNLISTED;
import static dev.hikyaku.app.settings.SettingChoice.ZIP;

import dev.hikyaku.app.i18n.TextKey;
import dev.hikyaku.gateway.config.SettingsReader;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One gateway.conf key the settings window edits: its kind of control, its group and its label. The keys and
 * their defaults are the gateway's ({@link SettingsReader#DEFAULTS}); every other key of the file is kept as it is.
 */
enum SettingField implements TextKey {
    UPSTREAM_HOST("upstream.host", Kind.TEXT, SettingGroup.UPSTREAM),
    UPSTREAM_PORT("upstream.port", Kind.TEXT, SettingGroup.UPSTREAM),
    UPSTREAM_SECURITY("upstream.security", Kind.CHOICE, SettingGroup.UPSTREAM, STARTTLS, TLS, NONE),
    UPSTREAM_TRUST_CA("upstream.trust-ca", Kind.FILE, SettingGroup.UPSTREAM),
    UPSTREAM_KEYCHAIN("upstream.keychain", Kind.YES_NO, SettingGroup.UPSTREAM),
    UPSTREAM_REQUIRETLS("upstream.requiretls", Kind.YES_NO, SettingGroup.UPSTREAM),
    LISTEN_PORT("listen.port", Kind.TEXT, SettingGroup.SUBMISSION),
    DOMAINS_INTERNAL("domains.internal", Kind.TEXT, SettingGroup.DOMAINS),
    DOMAINS_PARTNER("domains.partner", Kind.TEXT, SettingGroup.DOMAINS),
    DOMAINS_INTERNAL_AS_IS("domains.internal-skips-packaging", Kind.YES_NO, SettingGroup.DOMAINS),
    PACKAGING_AUTHENTICATED("packaging.authenticated", Kind.CHOICE, SettingGroup.PACKAGING, Choices.PACKAGING),
    PACKAGING_ENCRYPTED("packaging.encrypted", Kind.CHOICE, SettingGroup.PACKAGING, Choices.PACKAGING),
    PACKAGING_UNVERIFIED("packaging.encrypted-unverified", Kind.CHOICE, SettingGroup.PACKAGING, Choices.PACKAGING),
    PACKAGING_PLAINTEXT("packaging.plaintext", Kind.CHOICE, SettingGroup.PACKAGING, Choices.PACKAGING),
    PACKAGING_UNKNOWN("packaging.unknown", Kind.CHOICE, SettingGroup.PACKAGING, Choices.PACKAGING),
    PACKAGING_NO_MAIL("packaging.no-mail", Kind.CHOICE, SettingGroup.PACKAGING, Choices.PACKAGING),
    PACKAGING_DOMAINS("packaging.domains", Kind.TEXT, SettingGroup.PACKAGING),
    PACKAGING_ADDRESSES("packaging.addresses", Kind.TEXT, SettingGroup.PACKAGING),
    TIME_ZONE("guard.time-zone", Kind.TEXT, SettingGroup.GUARD_GENERAL),
    REFUSE_SCOPE("guard.refuse.scope", Kind.CHOICE, SettingGroup.GUARD_GENERAL, ALL, EXTERNAL),
    REFUSE_TIME("guard.refuse.time", Kind.YES_NO, SettingGroup.REFUSE_TIME),
    REFUSE_TIME_HOURS("guard.refuse.time.hours", Kind.TEXT, SettingGroup.REFUSE_TIME),
    REFUSE_TIME_DAYS("guard.refuse.time.days", Kind.TEXT, SettingGroup.REFUSE_TIME),
    REFUSE_SENDER("guard.refuse.sender", Kind.YES_NO, SettingGroup.REFUSE_SENDER),
    REFUSE_SENDER_LIST("guard.refuse.sender.list", Kind.TEXT, SettingGroup.REFUSE_SENDER),
    REFUSE_SENDER_MODE("guard.refuse.sender.mode", Kind.CHOICE, SettingGroup.REFUSE_SENDER, LISTED, UNLISTED),
    REFUSE_RECIPIENTS("guard.refuse.recipients", Kind.YES_NO, SettingGroup.REFUSE_RECIPIENTS),
    REFUSE_RECIPIENTS_LIST("guard.refuse.recipients.list", Kind.TEXT, SettingGroup.REFUSE_RECIPIENTS),
    REFUSE_SIZE("guard.refuse.size", Kind.YES_NO, SettingGroup.REFUSE_SIZE),
    REFUSE_SIZE_MAX("guard.refuse.size.max", Kind.TEXT, SettingGroup.REFUSE_SIZE),
    REFUSE_ATTACHMENTS("guard.refuse.attachments", Kind.YES_NO, SettingGroup.REFUSE_ATTACHMENTS),
    REFUSE_ATTACHMENTS_MAX("guard.refuse.attachments.max", Kind.TEXT, SettingGroup.REFUSE_ATTACHMENTS),
    REFUSE_KEYWORDS("guard.refuse.keywords", Kind.YES_NO, SettingGroup.REFUSE_KEYWORDS),
    REFUSE_KEYWORDS_LIST("guard.refuse.keywords.list", Kind.TEXT, SettingGroup.REFUSE_KEYWORDS),
    REFUSE_KEYWORDS_IN("guard.refuse.keywords.in", Kind.TEXT, SettingGroup.REFUSE_KEYWORDS),
    REFUSE_PHONES("guard.refuse.phones", Kind.YES_NO, SettingGroup.REFUSE_PHONES),
    REFUSE_PHONES_MAX("guard.refuse.phones.max", Kind.TEXT, SettingGroup.REFUSE_PHONES),
    REFUSE_POSTAL("guard.refuse.postal", Kind.YES_NO, SettingGroup.REFUSE_POSTAL),
    REFUSE_POSTAL_MAX("guard.refuse.postal.max", Kind.TEXT, SettingGroup.REFUSE_POSTAL),
    FORCE_BCC("guard.force-bcc", Kind.YES_NO, SettingGroup.FORCE_BCC),
    FORCE_BCC_THRESHOLD("guard.force-bcc.threshold", Kind.TEXT, SettingGroup.FORCE_BCC),
    FORCE_BCC_MODE("guard.force-bcc.mode", Kind.CHOICE, SettingGroup.FORCE_BCC, BCC_ONLY, PER_RECIPIENT),
    CONFIRM("guard.confirm", Kind.YES_NO, SettingGroup.CONFIRM),
    CONFIRM_RECIPIENTS("guard.confirm.recipients", Kind.YES_NO, SettingGroup.CONFIRM),
    CONFIRM_ATTACHMENTS("guard.confirm.attachments", Kind.YES_NO, SettingGroup.CONFIRM),
    HOLD_ON("guard.hold", Kind.YES_NO, SettingGroup.HOLD),
    HOLD_DELAY("guard.hold.delay", Kind.TEXT, SettingGroup.HOLD),
    HOLD_SCOPE("guard.hold.scope", Kind.CHOICE, SettingGroup.HOLD, ALL, EXTERNAL),
    STAGE("guard.stage", Kind.YES_NO, SettingGroup.STAGE),
    STAGE_DELAY("guard.stage.delay", Kind.TEXT, SettingGroup.STAGE);

    static final String BUNDLE = "dev.hikyaku.app.settings.fields";

    /** What control edits the value. */
    enum Kind {
        /** A text field: names, numbers, durations, comma-separated lists. */
        TEXT,
        /** A check box: yes or no. */
        YES_NO,
        /** A drop-down of {@link SettingChoice}s. */
        CHOICE,
        /** A file path with a file chooser. */
        FILE
    }

    private final String confKey;
    private final Kind kind;
    private final SettingGroup group;
    private final List<SettingChoice> choices;

    SettingField(String confKey, Kind kind, SettingGroup group, SettingChoice... choices) {
        this.confKey = confKey;
        this.kind = kind;
        this.group = group;
        this.choices = List.of(choices);
    }

    /** The key in gateway.conf. */
    String confKey() {
        return confKey;
    }

    Kind kind() {
        return kind;
    }

    SettingGroup group() {
        return group;
    }

    /** The values a choice field offers, in order. */
    List<SettingChoice> choices() {
        return choices;
    }

    /** The gateway's default for the key. */
    String defaultValue() {
        return SettingsReader.DEFAULTS.get(confKey);
    }

    /** The control's node id: the key with dots as dashes, since a dot in an id reads as a style class. */
    String id() {
        return "setting-" + confKey.replace('.', '-');
    }

    /** The field for a gateway.conf key, if the window edits it. */
    static Optional<SettingField> forKey(String confKey) {
        return Arrays.stream(values()).filter(field -> field.confKey.equals(confKey.toLowerCase(Locale.ROOT)))
                .findFirst();
    }

    @Override
    public String bundle() {
        return BUNDLE;
    }

    @Override
    public String key() {
        return confKey;
    }

    /** The actions a user may give a route (the gateway's configurable ones). */
    private static final class Choices {
        static final SettingChoice[] PACKAGING = {AS_IS, ZIP, AES_ZIP, AES_ZIP_AGREED, AES_ZIP_FRESH, HOLD, REFUSE};
    }
}
