package dev.hikyaku.app.smime;

import dev.hikyaku.smime.certificate.CertificateBundle;
import dev.hikyaku.smime.identity.IdentityStore;
import dev.hikyaku.smime.identity.StorePassword;
import dev.hikyaku.smime.install.InstallReport;
import dev.hikyaku.smime.install.OutlookGuide;
import dev.hikyaku.smime.install.ThunderbirdInstaller;
import dev.hikyaku.smime.request.CertificateRequestFactory;
import dev.hikyaku.smime.wizard.PathChoice;
import dev.hikyaku.smime.wizard.StepResult;
import dev.hikyaku.smime.wizard.Wizard;
import dev.hikyaku.smime.wizard.WizardInput;
import dev.hikyaku.smime.acme.AcmeClient;
import dev.hikyaku.smime.wizard.WizardSetup;
import dev.hikyaku.smime.wizard.WizardStep;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The wizard's screens' state: the engine's current step, the problems of the last input, the last install report
 * and whether work is under way. Every engine call runs on {@code background} (key generation and pk12util take
 * seconds); results come back through {@code ui}.
 */
final class WizardModel {
    private static final Duration TOOL_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration ACME_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration ACME_PATIENCE = Duration.ofMinutes(30);

    private final SmimeEnvironment environment;
    private final Path dataDirectory;
    private final Clock clock;
    private final Executor background;
    private final Executor ui;
    private final ObjectProperty<WizardStep> step = new SimpleObjectProperty<>(this, "step");
    private final ObservableList<ShownProblem> problems = FXCollections.observableArrayList();
    private final ObjectProperty<Optional<InstallReport>> report = new SimpleObjectProperty<>(this, "report", Optional.empty());
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private Wizard wizard;

    WizardModel(SmimeEnvironment environment, Path dataDirectory, Clock clock, Executor background, Executor ui) {
        this.environment = environment;
        this.dataDirectory = dataDirectory;
        this.clock = clock;
        this.background = background;
        this.ui = ui;
    }

    /** Opens the engine on the unlocked store; the step it was left at shows. */
    void open(IdentityStore store, StorePassword password) {
        run(() -> {
            WizardSetup setup = new WizardSetup(dataDirectory, store, password, environment.anchors(),
                    environment.catalogue(), new CertificateRequestFactory(environment.random()),
                    new ThunderbirdInstaller(environment.nss(), environment.random(), TOOL_TIMEOUT),
                    new OutlookGuide(environment.random()), clock, environment.random(), environment.keyIterations(),
                    new AcmeClient(ACME_TIMEOUT), (from, recipients, message) -> {
                        throw new IOException("sending the ACME response from the app is not wired yet");
                    }, ACME_PATIENCE);
            Wizard opened = Wizard.open(setup);
            WizardStep current = opened.current();
            return () -> {
                wizard = opened;
                step.set(current);
            };
        });
    }

    /** Gives the current step the input; the step changes or the problems say why not. */
    void submit(WizardInput input) {
        Wizard engine = wizard;
        run(() -> {
            StepResult result = engine.submit(input);
            return () -> show(result);
        });
    }

    /**
     * Reads a file the user chose for the import step and submits it: a certificate when a request was made here and
     * the file holds certificates, else a PKCS#12 with the password (wiped after use).
     */
    void importFile(Path file, char[] password) {
        Wizard engine = wizard;
        run(() -> {
            byte[] content;
            try {
                content = readBounded(file);
            } catch (IOException e) {
                Arrays.fill(password, '\0');
                return () -> refused(new ShownProblem(new OwnText(SmimeText.IMPORT_UNREADABLE_FILE,
                        file.getFileName()), true));
            }
            if (content == null) {
                Arrays.fill(password, '\0');
                return () -> refused(new ShownProblem(new OwnText(SmimeText.IMPORT_TOO_LARGE,
                        file.getFileName()), true));
            }
            WizardStep current = engine.current();
            boolean requested = current instanceof WizardStep.ImportCertificate importing && importing.request().isPresent();
            StepResult result;
            if (requested && CertificateBundle.read(content).kind() == CertificateBundle.Kind.CERTIFICATES) {
                Arrays.fill(password, '\0');
                result = engine.submit(new WizardInput.CertificateFile(content));
            } else {
                result = engine.submit(new WizardInput.Pkcs12File(content, password));
            }
            return () -> show(result);
        });
    }

    /** Reads the company's root file (when one is given) and chooses the company CA path with it. */
    void chooseCompany(String address, String displayName, String companyName, Optional<Path> rootFile) {
        Wizard engine = wizard;
        run(() -> {
            List<X509Certificate> roots = List.of();
            if (rootFile.isPresent()) {
                byte[] content;
                try {
                    content = readBounded(rootFile.get());
                } catch (IOException e) {
                    content = null;
                }
                CertificateBundle bundle = content == null ? null : CertificateBundle.read(content);
                if (bundle == null || bundle.kind() != CertificateBundle.Kind.CERTIFICATES) {
                    return () -> refused(new ShownProblem(new OwnText(SmimeText.COMPANY_ROOT_UNREADABLE,
                            rootFile.get().getFileName()), true));
                }
                roots = bundle.certificates();
            }
            StepResult result = engine.submit(new WizardInput.Choose(address, displayName,
                    new PathChoice.CompanyCa(companyName.strip(), roots)));
            return () -> show(result);
        });
    }

    /** Saves the request (public, a few KiB) where the user chose, to upload it to the CA. */
    void saveRequest(Path target, String pem) {
        run(() -> {
            try {
                Files.writeString(target, pem, StandardCharsets.US_ASCII);
                return () -> { };
            } catch (IOException e) {
                return () -> refused(new ShownProblem(new OwnText(SmimeText.REQUEST_NOT_SAVED, target.getFileName()), true));
            }
        });
    }

    /** Finds the Thunderbird profiles (reads files: on {@code background}) and hands them to {@code found} on the UI thread. */
    void profiles(Consumer<List<Path>> found) {
        background.execute(() -> {
            List<Path> profiles = environment.thunderbirdProfiles().get();
            ui.execute(() -> found.accept(profiles));
        });
    }

    /** Starts over at the first step (the pending key is deleted; identities stay). */
    void restart() {
        Wizard engine = wizard;
        run(() -> {
            try {
                engine.restart();
            } catch (IOException e) {
                return () -> refused(new ShownProblem(new OwnText(SmimeText.RESTART_FAILED), true));
            }
            WizardStep current = engine.current();
            return () -> {
                problems.clear();
                report.set(Optional.empty());
                step.set(current);
            };
        });
    }

    ReadOnlyObjectProperty<WizardStep> stepProperty() {
        return step;
    }

    ObservableList<ShownProblem> problems() {
        return problems;
    }

    ReadOnlyObjectProperty<Optional<InstallReport>> reportProperty() {
        return report;
    }

    ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    SmimeEnvironment environment() {
        return environment;
    }

    private void show(StepResult result) {
        problems.setAll(result.problems().stream().map(ShownProblem::of).toList());
        if (result.installed().isPresent() || !result.step().equals(step.get())) {
            report.set(result.installed());
        }
        step.set(result.step());
    }

    private void refused(ShownProblem problem) {
        problems.setAll(List.of(problem));
    }

    /** Runs the work off the UI thread; its result (what to change on screen) runs on the UI thread. */
    private void run(Supplier<Runnable> work) {
        busy.set(true);
        background.execute(() -> {
            Runnable change;
            try {
                change = work.get();
            } catch (RuntimeException e) {
                change = () -> refused(new ShownProblem(new OwnText(SmimeText.UNEXPECTED,
                        String.valueOf(e.getMessage())), true));
            }
            Runnable shown = change;
            ui.execute(() -> {
                shown.run();
                busy.set(false);
            });
        });
    }

    /** The file's bytes, or null when it is larger than any certificate or PKCS#12 file. */
    private static byte[] readBounded(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] content = in.readNBytes(Wizard.MAX_IMPORT_BYTES + 1);
            return content.length > Wizard.MAX_IMPORT_BYTES ? null : content;
        }
    }
}
