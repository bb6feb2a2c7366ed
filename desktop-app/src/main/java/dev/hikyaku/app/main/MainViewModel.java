package dev.hikyaku.app.main;

import dev.hikyaku.app.i18n.LiveText;
import dev.hikyaku.app.i18n.MessageKey;
import dev.hikyaku.app.i18n.UiLanguage;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** The main window's state as plain properties the view binds to; no JavaFX controls in here. */
public final class MainViewModel {
    private final LiveText text;
    private final AppStatus status;
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title");
    private final ReadOnlyStringWrapper statusHeading = new ReadOnlyStringWrapper(this, "statusHeading");
    private final ReadOnlyStringWrapper mode = new ReadOnlyStringWrapper(this, "mode");
    private final ReadOnlyStringWrapper submissionLabel = new ReadOnlyStringWrapper(this, "submissionLabel");
    private final ReadOnlyStringWrapper submissionAddress = new ReadOnlyStringWrapper(this, "submissionAddress");
    private final ReadOnlyStringWrapper submissionAccessible =
            new ReadOnlyStringWrapper(this, "submissionAccessible");
    private final ReadOnlyStringWrapper gateway = new ReadOnlyStringWrapper(this, "gateway");
    private final ReadOnlyStringWrapper languageLabel = new ReadOnlyStringWrapper(this, "languageLabel");
    private final ReadOnlyStringWrapper japanese = new ReadOnlyStringWrapper(this, "japanese");
    private final ReadOnlyStringWrapper japaneseAccessible = new ReadOnlyStringWrapper(this, "japaneseAccessible");
    private final ReadOnlyStringWrapper english = new ReadOnlyStringWrapper(this, "english");
    private final ReadOnlyStringWrapper englishAccessible = new ReadOnlyStringWrapper(this, "englishAccessible");

    /** A view model speaking through {@code text} about {@code status}. */
    public MainViewModel(LiveText text, AppStatus status) {
        this.text = text;
        this.status = status;
        String hostAndPort = status.submissionHostAndPort();
        bind(title, MessageKey.WINDOW_TITLE);
        bind(statusHeading, MessageKey.STATUS_HEADING);
        bind(mode, status.upstreamConfigured() ? MessageKey.STATUS_UPSTREAM : MessageKey.STATUS_SANDBOX);
        bind(submissionLabel, MessageKey.SUBMISSION_LABEL);
        submissionAddress.set(hostAndPort);
        bind(submissionAccessible, MessageKey.SUBMISSION_ACCESSIBLE, hostAndPort);
        bind(gateway, status.gatewayRunning() ? MessageKey.GATEWAY_RUNNING : MessageKey.GATEWAY_NOT_RUNNING,
                hostAndPort);
        bind(languageLabel, MessageKey.LANGUAGE_LABEL);
        bind(japanese, MessageKey.LANGUAGE_JAPANESE);
        bind(japaneseAccessible, MessageKey.LANGUAGE_JAPANESE_ACCESSIBLE);
        bind(english, MessageKey.LANGUAGE_ENGLISH);
        bind(englishAccessible, MessageKey.LANGUAGE_ENGLISH_ACCESSIBLE);
    }

    private void bind(ReadOnlyStringWrapper property, MessageKey key, Object... arguments) {
        property.bind(text.text(key, arguments));
    }

    /** The language every text is shown in; setting it re-labels the window. */
    public ObjectProperty<UiLanguage> languageProperty() {
        return text.languageProperty();
    }

    /** The status this model reports. */
    public AppStatus status() {
        return status;
    }

    /** The window title. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** The heading over the status lines. */
    public ReadOnlyStringProperty statusHeadingProperty() {
        return statusHeading.getReadOnlyProperty();
    }

    /** Whether mail goes anywhere: sandbox or upstream. */
    public ReadOnlyStringProperty modeProperty() {
        return mode.getReadOnlyProperty();
    }

    /** The label before the submission address. */
    public ReadOnlyStringProperty submissionLabelProperty() {
        return submissionLabel.getReadOnlyProperty();
    }

    /** The submission address, {@code host:port}; the same in every language. */
    public ReadOnlyStringProperty submissionAddressProperty() {
        return submissionAddress.getReadOnlyProperty();
    }

    /** The submission address as a sentence for screen readers. */
    public ReadOnlyStringProperty submissionAccessibleProperty() {
        return submissionAccessible.getReadOnlyProperty();
    }

    /** Whether the local gateway accepts mail. */
    public ReadOnlyStringProperty gatewayProperty() {
        return gateway.getReadOnlyProperty();
    }

    /** The label of the language switch. */
    public ReadOnlyStringProperty languageLabelProperty() {
        return languageLabel.getReadOnlyProperty();
    }

    /** The Japanese choice's label. */
    public ReadOnlyStringProperty japaneseProperty() {
        return japanese.getReadOnlyProperty();
    }

    /** The Japanese choice for screen readers. */
    public ReadOnlyStringProperty japaneseAccessibleProperty() {
        return japaneseAccessible.getReadOnlyProperty();
    }

    /** The English choice's label. */
    public ReadOnlyStringProperty englishProperty() {
        return english.getReadOnlyProperty();
    }

    /** The English choice for screen readers. */
    public ReadOnlyStringProperty englishAccessibleProperty() {
        return englishAccessible.getReadOnlyProperty();
    }
}
