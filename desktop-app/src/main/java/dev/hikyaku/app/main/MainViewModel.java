package dev.hikyaku.app.main;

import dev.hikyaku.app.gateway.GatewayPlan;
import dev.hikyaku.app.gateway.GatewayState;
import dev.hikyaku.app.i18n.LiveText;
import dev.hikyaku.app.i18n.Localized;
import dev.hikyaku.app.i18n.MessageKey;
import dev.hikyaku.app.i18n.UiLanguage;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/** The main window's state as plain properties the view binds to; no JavaFX controls in here. */
public final class MainViewModel {
    private final LiveText text;
    private final ObjectProperty<GatewayState> gatewayState;
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title");
    private final ReadOnlyStringWrapper statusHeading = new ReadOnlyStringWrapper(this, "statusHeading");
    private final ReadOnlyStringWrapper mode = new ReadOnlyStringWrapper(this, "mode");
    private final ReadOnlyStringWrapper submissionLabel = new ReadOnlyStringWrapper(this, "submissionLabel");
    private final ReadOnlyStringWrapper submissionAddress = new ReadOnlyStringWrapper(this, "submissionAddress");
    private final ReadOnlyStringWrapper submissionAccessible =
            new ReadOnlyStringWrapper(this, "submissionAccessible");
    private final ReadOnlyStringWrapper gateway = new ReadOnlyStringWrapper(this, "gateway");
    private final ReadOnlyStringWrapper fingerprint = new ReadOnlyStringWrapper(this, "fingerprint");
    private final ReadOnlyStringWrapper languageLabel = new ReadOnlyStringWrapper(this, "languageLabel");
    private final ReadOnlyStringWrapper japanese = new ReadOnlyStringWrapper(this, "japanese");
    private final ReadOnlyStringWrapper japaneseAccessible = new ReadOnlyStringWrapper(this, "japaneseAccessible");
    private final ReadOnlyStringWrapper english = new ReadOnlyStringWrapper(this, "english");
    private final ReadOnlyStringWrapper englishAccessible = new ReadOnlyStringWrapper(this, "englishAccessible");

    /** A view model speaking through {@code text}, first reporting {@code initial}. */
    public MainViewModel(LiveText text, GatewayState initial) {
        this.text = text;
        this.gatewayState = new SimpleObjectProperty<>(this, "gatewayState", initial);
        bind(title, MessageKey.WINDOW_TITLE);
        bind(statusHeading, MessageKey.STATUS_HEADING);
        bind(submissionLabel, MessageKey.SUBMISSION_LABEL);
        bind(languageLabel, MessageKey.LANGUAGE_LABEL);
        bind(japanese, MessageKey.LANGUAGE_JAPANESE);
        bind(japaneseAccessible, MessageKey.LANGUAGE_JAPANESE_ACCESSIBLE);
        bind(english, MessageKey.LANGUAGE_ENGLISH);
        bind(englishAccessible, MessageKey.LANGUAGE_ENGLISH_ACCESSIBLE);
        show(initial);
        gatewayState.addListener((observable, before, after) -> show(after));
    }

    private void show(GatewayState state) {
        if (!(state instanceof GatewayState.Planned planned)) {
            GatewayState.BadConfiguration bad = (GatewayState.BadConfiguration) state;
            bind(mode, MessageKey.STATUS_UNKNOWN);
            clear(submissionAddress);
            clear(submissionAccessible);
            bind(gateway, MessageKey.GATEWAY_BAD_CONFIGURATION, (Localized) bad.problem()::message);
            clear(fingerprint);
            return;
        }
        GatewayPlan plan = planned.plan();
        String hostAndPort = plan.submission().hostAndPort();
        if (plan.upstream().isPresent()) {
            bind(mode, MessageKey.STATUS_UPSTREAM, plan.upstream().get());
        } else {
            bind(mode, MessageKey.STATUS_SANDBOX, plan.outbox().toString());
        }
        clear(submissionAddress);
        submissionAddress.set(hostAndPort);
        bind(submissionAccessible, MessageKey.SUBMISSION_ACCESSIBLE, hostAndPort);
        clear(fingerprint);
        if (state instanceof GatewayState.Running running) {
            bind(gateway, MessageKey.GATEWAY_RUNNING, hostAndPort);
            bind(fingerprint, MessageKey.GATEWAY_FINGERPRINT, running.fingerprint());
        } else if (state instanceof GatewayState.AlreadyRunning) {
            bind(gateway, MessageKey.GATEWAY_ALREADY_RUNNING, hostAndPort);
        } else if (state instanceof GatewayState.Paused) {
            bind(gateway, MessageKey.GATEWAY_PAUSED, hostAndPort);
        } else if (state instanceof GatewayState.CannotStart failed) {
            bind(gateway, MessageKey.GATEWAY_CANNOT_START, hostAndPort, failed.detail());
        } else {
            bind(gateway, MessageKey.GATEWAY_STARTING, hostAndPort);
        }
    }

    private static void clear(ReadOnlyStringWrapper property) {
        property.unbind();
        property.set("");
    }

    private void bind(ReadOnlyStringWrapper property, MessageKey key, Object... arguments) {
        property.bind(text.text(key, arguments));
    }

    /** The language every text is shown in; setting it re-labels the window. */
    public ObjectProperty<UiLanguage> languageProperty() {
        return text.languageProperty();
    }

    /** Where the gateway stands; setting it (on the FX thread) re-labels the status lines. */
    public ObjectProperty<GatewayState> gatewayStateProperty() {
        return gatewayState;
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

    /** The localhost certificate's fingerprint while the gateway runs, else empty. */
    public ReadOnlyStringProperty fingerprintProperty() {
        return fingerprint.getReadOnlyProperty();
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
