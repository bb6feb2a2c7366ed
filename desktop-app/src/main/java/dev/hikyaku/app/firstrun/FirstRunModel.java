package dev.hikyaku.app.firstrun;

import dev.hikyaku.app.gateway.GatewayRunner;
import dev.hikyaku.app.gateway.GatewayState;
import dev.hikyaku.app.i18n.LiveText;
import dev.hikyaku.app.i18n.TextKey;
import dev.hikyaku.app.settings.CheckedConf;
import dev.hikyaku.app.settings.ConfCheck;
import dev.hikyaku.app.settings.ConfFile;
import dev.hikyaku.app.settings.ConfRewriter;
import dev.hikyaku.gateway.config.SettingsReader;
import dev.hikyaku.gateway.launch.GatewayConfiguration;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The first-run set-up's state: sandbox (the default) or an outgoing server, checked as the gateway would read
 * it; then where the mail program must send (from the running gateway). Finishing writes gateway.conf, even for
 * the sandbox, so the set-up does not come back, and restarts the gateway when a server was entered.
 */
public final class FirstRunModel {
    /** The pages, in order. */
    static final int CHOOSE = 0;
    static final int POINT = 1;

    private final LiveText text;
    private final GatewayRunner runner;
    private final Executor background;
    private final Executor ui;
    private final ConfFile file;
    private final ConfCheck check;
    private final ConfRewriter rewriter = new ConfRewriter(SettingsReader.DEFAULTS);
    private final BooleanProperty sandbox = new SimpleBooleanProperty(this, "sandbox", true);
    private final StringProperty host = new SimpleStringProperty(this, "host", "");
    private final StringProperty port = new SimpleStringProperty(this, "port", "587");
    private final StringProperty security = new SimpleStringProperty(this, "security", "starttls");
    private final IntegerProperty page = new SimpleIntegerProperty(this, "page", CHOOSE);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyStringWrapper address = new ReadOnlyStringWrapper(this, "address", "");
    private final ReadOnlyStringWrapper fingerprint = new ReadOnlyStringWrapper(this, "fingerprint", "");
    private final ReadOnlyStringWrapper sandboxNote = new ReadOnlyStringWrapper(this, "sandboxNote", "");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final ReadOnlyBooleanWrapper finished = new ReadOnlyBooleanWrapper(this, "finished");

    /** The set-up of {@code runner}'s gateway; it follows the gateway's state for the address to show. */
    public FirstRunModel(LiveText text, GatewayRunner runner, Executor background, Executor ui) {
        this.text = text;
        this.runner = runner;
        this.background = background;
        this.ui = ui;
        this.file = new ConfFile(runner.dataDirectory().resolve(GatewayConfiguration.DEFAULT_FILE));
        this.check = new ConfCheck(file.path(), runner.dataDirectory());
        show(runner.state());
        runner.watch(state -> ui.execute(() -> show(state)));
    }

    private void show(GatewayState state) {
        if (state instanceof GatewayState.Running running) {
            String hostAndPort = running.plan().submission().hostAndPort();
            bind(address, FirstRunText.ADDRESS, hostAndPort);
            bind(fingerprint, FirstRunText.FINGERPRINT, running.fingerprint());
            bind(sandboxNote, FirstRunText.SANDBOX_NOTE, running.plan().outbox().toString());
        } else {
            bind(address, FirstRunText.ADDRESS_WAITING);
            fingerprint.unbind();
            fingerprint.set("");
        }
    }

    /** Checks the choice (a server as the gateway would read it) and goes on to the second page. */
    public void next() {
        problem.unbind();
        problem.set("");
        if (!sandbox.get()) {
            CheckedConf checked = check.check(rewriter.rewrite(List.of(), values()));
            if (checked instanceof CheckedConf.Invalid invalid) {
                bind(problem, FirstRunText.PROBLEM, invalid.problem());
                return;
            }
        }
        page.set(POINT);
    }

    /** Back to the choice. */
    public void back() {
        page.set(CHOOSE);
    }

    /** Writes gateway.conf (keeping a file that appeared meanwhile) and restarts the gateway for a new server. */
    public void finish() {
        Map<String, String> values = sandbox.get() ? Map.of() : values();
        busy.set(true);
        background.execute(() -> {
            try {
                CheckedConf checked = check.check(rewriter.rewrite(file.lines(), values));
                if (checked instanceof CheckedConf.Invalid invalid) {
                    ui.execute(() -> {
                        bind(problem, FirstRunText.PROBLEM, invalid.problem());
                        page.set(CHOOSE);
                        busy.set(false);
                    });
                    return;
                }
                file.write(((CheckedConf.Valid) checked).lines());
                if (!values.isEmpty()) {
                    runner.restart();
                }
                ui.execute(() -> {
                    busy.set(false);
                    finished.set(true);
                });
            } catch (IOException e) {
                String reason = String.valueOf(e.getMessage());
                ui.execute(() -> {
                    bind(problem, FirstRunText.FINISH_FAILED, reason);
                    busy.set(false);
                });
            }
        });
    }

    private Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("upstream.host", host.get());
        values.put("upstream.port", port.get());
        values.put("upstream.security", security.get());
        return values;
    }

    private void bind(ReadOnlyStringWrapper target, TextKey key, Object... arguments) {
        target.unbind();
        target.bind(text.text(key, arguments));
    }

    /** Whether the user tries the sandbox first (the default). */
    public BooleanProperty sandboxProperty() {
        return sandbox;
    }

    /** The outgoing server's host. */
    public StringProperty hostProperty() {
        return host;
    }

    /** The outgoing server's port. */
    public StringProperty portProperty() {
        return port;
    }

    /** {@code starttls} or {@code tls}. */
    public StringProperty securityProperty() {
        return security;
    }

    /** The page shown: {@link #CHOOSE} or {@link #POINT}. */
    public IntegerProperty pageProperty() {
        return page;
    }

    /** The gateway's problem with the entered server, or why finishing failed. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Where the mail program must send. */
    public ReadOnlyStringProperty addressProperty() {
        return address.getReadOnlyProperty();
    }

    /** The localhost certificate's fingerprint, to compare. */
    public ReadOnlyStringProperty fingerprintProperty() {
        return fingerprint.getReadOnlyProperty();
    }

    /** Where sandbox mail is kept. */
    public ReadOnlyStringProperty sandboxNoteProperty() {
        return sandboxNote.getReadOnlyProperty();
    }

    /** Whether finishing is under way. */
    public BooleanProperty busyProperty() {
        return busy;
    }

    /** Whether gateway.conf was written: the window may close. */
    public ReadOnlyBooleanProperty finishedProperty() {
        return finished.getReadOnlyProperty();
    }
}
