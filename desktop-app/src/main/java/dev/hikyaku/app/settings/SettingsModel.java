package dev.hikyaku.app.settings;

import dev.hikyaku.app.gateway.GatewayRunner;
import dev.hikyaku.app.gateway.GatewayState;
import dev.hikyaku.app.i18n.LiveText;
import dev.hikyaku.app.i18n.Localized;
import dev.hikyaku.app.i18n.Messages;
import dev.hikyaku.app.i18n.TextKey;
import dev.hikyaku.app.i18n.UiLanguage;
import dev.hikyaku.gateway.auth.AuthMechanism;
import dev.hikyaku.gateway.auth.AuthOutcome;
import dev.hikyaku.gateway.auth.Credentials;
import dev.hikyaku.gateway.config.ConfigException;
import dev.hikyaku.gateway.config.ConfigFile;
import dev.hikyaku.gateway.config.SettingsReader;
import dev.hikyaku.gateway.delivery.UpstreamSecurity;
import dev.hikyaku.gateway.launch.GatewayConfiguration;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The settings form's state: the value of every edited gateway.conf key, the gateway's problem per field, and
 * what saving or testing the connection found. Loading, checking, writing and restarting the gateway run on
 * {@code background}; results come back through {@code ui}. No controls in here.
 */
public final class SettingsModel {
    private final LiveText text;
    private final GatewayRunner runner;
    private final Clock clock;
    private final Executor background;
    private final Executor ui;
    private final ConfFile file;
    private final ConfCheck check;
    private final ConfRewriter rewriter = new ConfRewriter(SettingsReader.DEFAULTS);
    private final Map<SettingField, StringProperty> values = new EnumMap<>(SettingField.class);
    private final Map<SettingField, ReadOnlyStringWrapper> problems = new EnumMap<>(SettingField.class);
    private final ObjectProperty<SettingField> firstProblem = new SimpleObjectProperty<>(this, "firstProblem");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper testResult = new ReadOnlyStringWrapper(this, "testResult", "");
    private final StringProperty testUser = new SimpleStringProperty(this, "testUser", "");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final BooleanProperty testing = new SimpleBooleanProperty(this, "testing");

    /** A form over the gateway.conf of {@code runner}'s data folder. */
    public SettingsModel(LiveText text, GatewayRunner runner, Clock clock, Executor background, Executor ui) {
        this.text = text;
        this.runner = runner;
        this.clock = clock;
        this.background = background;
        this.ui = ui;
        this.file = new ConfFile(runner.dataDirectory().resolve(GatewayConfiguration.DEFAULT_FILE));
        this.check = new ConfCheck(file.path(), runner.dataDirectory());
        for (SettingField field : SettingField.values()) {
            values.put(field, new SimpleStringProperty(this, field.confKey(), field.defaultValue()));
            problems.put(field, new ReadOnlyStringWrapper(this, field.confKey() + ".problem", ""));
        }
        // Someone else rewrote the file and restarted the gateway (the first-run set-up): show what it holds now.
        runner.watch(state -> {
            if (state instanceof GatewayState.Starting || state instanceof GatewayState.BadConfiguration) {
                ui.execute(() -> {
                    if (!busy.get()) {
                        load();
                    }
                });
            }
        });
    }

    /** Reads gateway.conf into the fields (defaults for keys it does not hold) and clears every problem. */
    public void load() {
        busy.set(true);
        background.execute(() -> {
            Map<String, String> found = new LinkedHashMap<>();
            Optional<Localized> failure = Optional.empty();
            try {
                ConfigFile.parse(file.lines(), file.path().toString()).values()
                        .forEach(value -> found.put(value.key(), value.value()));
            } catch (IOException e) {
                String reason = String.valueOf(e.getMessage());
                failure = Optional.of(locale -> reason);
            } catch (ConfigException e) {
                failure = Optional.of(e::message);
            }
            Optional<Localized> problem = failure;
            ui.execute(() -> {
                values.forEach((field, value) -> value.set(found.getOrDefault(field.confKey(), field.defaultValue())));
                clearProblems();
                problem.ifPresentOrElse(reason -> show(status, SettingsText.LOAD_FAILED, reason), () -> show(status));
                busy.set(false);
            });
        });
    }

    /**
     * Checks the form as the gateway would read it and, when it passes, rewrites gateway.conf (comments and other
     * keys kept, atomically) and restarts the gateway on it. A problem is shown by its field and nothing is written.
     */
    public void save() {
        Map<String, String> snapshot = snapshot();
        busy.set(true);
        clearProblems();
        show(status, SettingsText.SAVING);
        background.execute(() -> {
            try {
                CheckedConf checked = check.check(rewriter.rewrite(file.lines(), snapshot));
                if (checked instanceof CheckedConf.Invalid invalid) {
                    ui.execute(() -> {
                        showProblem(invalid);
                        busy.set(false);
                    });
                    return;
                }
                file.write(((CheckedConf.Valid) checked).lines());
                runner.restart();
                ui.execute(() -> {
                    show(status, SettingsText.SAVED, file.path().toString());
                    busy.set(false);
                });
            } catch (IOException e) {
                String reason = String.valueOf(e.getMessage());
                ui.execute(() -> {
                    show(status, SettingsText.SAVE_FAILED, (Localized) locale -> reason);
                    busy.set(false);
                });
            }
        });
    }

    /**
     * Tests the outgoing server as the form has it (checked first, like saving), with the user name and
     * {@code password} when both are given; the password array is wiped.
     */
    public void testConnection(char[] password) {
        Map<String, String> snapshot = snapshot();
        String user = testUser.get().strip();
        Optional<Credentials> login = user.isEmpty() || password.length == 0 ? Optional.empty()
                : Optional.of(new Credentials(AuthMechanism.PLAIN, "", user, password));
        Arrays.fill(password, '\0');
        testing.set(true);
        clearProblems();
        String server = snapshot.get(SettingField.UPSTREAM_HOST.confKey()) + ":"
                + snapshot.get(SettingField.UPSTREAM_PORT.confKey());
        show(testResult, SettingsText.TEST_RUNNING, server);
        background.execute(() -> {
            Localized result;
            Optional<CheckedConf.Invalid> invalid = Optional.empty();
            try {
                CheckedConf checked = check.check(rewriter.rewrite(file.lines(), snapshot));
                if (checked instanceof CheckedConf.Invalid problem) {
                    invalid = Optional.of(problem);
                    result = problem.problem();
                } else {
                    result = describe(new ConnectionCheck(clock)
                            .check(((CheckedConf.Valid) checked).settings(), login));
                }
            } catch (IOException | RuntimeException e) {
                String reason = String.valueOf(e.getMessage());
                result = locale -> reason;
            } finally {
                login.ifPresent(Credentials::wipe);
            }
            Localized shown = result;
            Optional<CheckedConf.Invalid> problem = invalid;
            ui.execute(() -> {
                problem.ifPresent(this::showProblem);
                if (problem.isPresent()) {
                    show(testResult, SettingsText.TEST_FAILED, shown);
                } else {
                    showLocalized(testResult, shown);
                }
                testing.set(false);
            });
        });
    }

    /** The test's findings as sentences in the user's language. */
    static Localized describe(ConnectionResult result) {
        return locale -> {
            Messages messages = new Messages(UiLanguage.forLocale(locale));
            if (result instanceof ConnectionResult.NoUpstream) {
                return messages.format(SettingsText.TEST_NO_UPSTREAM);
            }
            if (result instanceof ConnectionResult.Unreachable unreachable) {
                return messages.format(SettingsText.TEST_FAILED, unreachable.problem().text(locale));
            }
            ConnectionResult.Reached reached = (ConnectionResult.Reached) result;
            List<String> sentences = new ArrayList<>();
            sentences.add(messages.format(reached.security() == UpstreamSecurity.NONE
                    ? SettingsText.TEST_REACHED_PLAIN : SettingsText.TEST_REACHED_TLS, reached.server()));
            sentences.add(messages.format(reached.authRequired()
                    ? SettingsText.TEST_AUTH_NEEDED : SettingsText.TEST_AUTH_NOT_NEEDED));
            reached.login().ifPresent(outcome -> sentences.add(login(messages, outcome)));
            return String.join(" ", sentences);
        };
    }

    private static String login(Messages messages, AuthOutcome outcome) {
        if (outcome instanceof AuthOutcome.Refused refused) {
            return messages.format(SettingsText.TEST_LOGIN_REFUSED, refused.code() + " " + refused.text());
        }
        if (outcome instanceof AuthOutcome.Unavailable unavailable) {
            return messages.format(SettingsText.TEST_LOGIN_UNAVAILABLE, unavailable.reason());
        }
        return messages.format(SettingsText.TEST_LOGIN_OK);
    }

    private Map<String, String> snapshot() {
        Map<String, String> snapshot = new LinkedHashMap<>();
        values.forEach((field, value) -> snapshot.put(field.confKey(), value.get() == null ? "" : value.get()));
        return snapshot;
    }

    private void showProblem(CheckedConf.Invalid invalid) {
        if (invalid.field().isPresent()) {
            SettingField field = invalid.field().get();
            show(problems.get(field), SettingsText.FIELD_PROBLEM, invalid.problem());
            show(status, SettingsText.FIX_FIELD, (Localized) locale -> fieldLabel(field, locale));
            firstProblem.set(null);
            firstProblem.set(field);
        } else {
            show(status, SettingsText.NOT_SAVED, invalid.problem());
        }
    }

    private static String fieldLabel(SettingField field, Locale locale) {
        String label = new Messages(UiLanguage.forLocale(locale)).format(field);
        return label.endsWith(":") ? label.substring(0, label.length() - 1) : label;
    }

    private void clearProblems() {
        problems.values().forEach(this::show);
    }

    private void show(ReadOnlyStringWrapper target, TextKey key, Object... arguments) {
        target.unbind();
        target.bind(text.text(key, arguments));
    }

    private void show(ReadOnlyStringWrapper target) {
        target.unbind();
        target.set("");
    }

    private void showLocalized(ReadOnlyStringWrapper target, Localized localized) {
        target.unbind();
        target.bind(Bindings.createStringBinding(() -> localized.in(text.languageProperty().get().locale()),
                text.languageProperty()));
    }

    /** The value of {@code field} as gateway.conf will hold it. */
    public StringProperty valueProperty(SettingField field) {
        return values.get(field);
    }

    /** The gateway's problem with {@code field}, empty when none. */
    public ReadOnlyStringProperty problemProperty(SettingField field) {
        return problems.get(field).getReadOnlyProperty();
    }

    /** The field the last check found a problem in, for the view to show and focus. */
    public ObjectProperty<SettingField> firstProblemProperty() {
        return firstProblem;
    }

    /** What loading or saving found. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** What the connection test found. */
    public ReadOnlyStringProperty testResultProperty() {
        return testResult.getReadOnlyProperty();
    }

    /** The user name the connection test logs in with, if any. */
    public StringProperty testUserProperty() {
        return testUser;
    }

    /** Whether loading or saving is under way. */
    public BooleanProperty busyProperty() {
        return busy;
    }

    /** Whether a connection test is under way. */
    public BooleanProperty testingProperty() {
        return testing;
    }

    /** The settings given on the command line, which win over the file, as {@code key=value}; empty when none. */
    public String overrides() {
        return runner.overrides().entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue())
                .sorted().collect(Collectors.joining(", "));
    }

    /** gateway.conf. */
    public ConfFile file() {
        return file;
    }
}
