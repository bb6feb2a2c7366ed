package dev.hikyaku.app.smime;

import dev.hikyaku.app.i18n.Localized;
import dev.hikyaku.smime.acme.AcmeClient;
import dev.hikyaku.smime.acme.ResponseSender;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
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
 * seconds); results come back through {@code ui}. While the CA checks an ACME answer the model asks it again every
 * few seconds until the step changes or the CA says no.
 */
final class WizardModel {
    private static final Duration TOOL_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration ACME_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration ACME_PATIENCE = Duration.ofMinutes(30);
    /** How often the CA is asked while it checks the answer: often enough to feel quick, rare enough to be polite. */
    static final Duration POLL_EVERY = Duration.ofSeconds(3);
    private static final String WAITING_NOTICE = "acme.waiting";

    private final SmimeEnvironment environment;
    private final Path dataDirectory;
    private final Clock clock;
    private final Executor background;
    private final Executor ui;
    private final ObjectProperty<WizardStep> step = new SimpleObjectProperty<>(this, "step");
    private final ObservableList<ShownProblem> problems = FXCollections.observableArrayList();
    private final ObjectProperty<Optional<InstallReport>> report = new SimpleObjectProperty<>(this, "report", Optional.empty());
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final ObjectProperty<Localized> acmeStatus = new SimpleObjectProperty<>(this, "acmeStatus");
    private final ResponseSender responses;
    private Wizard wizard;
    /** Bumped whenever polling must stop (restart, step left): a scheduled poll of an older round does nothing. */
    private long pollRound;
    private boolean pollScheduled;

    WizardModel(SmimeEnvironment environment, Path dataDirectory, Clock clock, ResponseSender responses,
                Executor background, Executor ui) {
        this.environment = environment;
        this.responses = responses;
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
                    new AcmeClient(ACME_TIMEOUT), responses, ACME_PATIENCE);
            Wizard opened = Wizard.open(setup);
            WizardStep current = opened.current();
            return () -> {
                wizard = opened;
                step.set(current);
                keepPolling(true);
            };
        });
    }

    /** Reads the CA's challenge mail the user chose or dropped and hands it to the challenge step. */
    void challengeFile(Path file) {
        Wizard engine = wizard;
        run(() -> {
            byte[] content;
            try {
                content = readBounded(file);
            } catch (IOException e) {
                return () -> refused(new ShownProblem(new OwnText(SmimeText.ACME_CHALLENGE_UNREADABLE,
                        file.getFileName()), true));
            }
            if (content == null) {
                return () -> refused(new ShownProblem(new OwnText(SmimeText.ACME_CHALLENGE_TOO_LARGE,
                        file.getFileName()), true));
            }
            StepResult result = engine.submit(new WizardInput.ChallengeMessage(content));
            return () -> show(result);
        });
    }

    /** The challenge mail's source as pasted; line ends become CRLF as in a saved .eml. */
    void challengeText(String source) {
        if (source.isBlank()) {
            refused(new ShownProblem(new OwnText(SmimeText.ACME_CHALLENGE_EMPTY), true));
            return;
        }
        byte[] content = source.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        if (content.length > Wizard.MAX_IMPORT_BYTES) {
            refused(new ShownProblem(new OwnText(SmimeText.ACME_CHALLENGE_TOO_LARGE, "…"), true));
            return;
        }
        submit(new WizardInput.ChallengeMessage(content));
    }

    /** Asks the CA now (the user's "ask again", or after the CA said no for now). */
    void pollNow() {
        submit(new WizardInput.Poll());
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
                keepPolling(true);
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

    /** While the CA checks the answer: how long it has taken so far (null before the first answer, and otherwise). */
    ReadOnlyObjectProperty<Localized> acmeStatusProperty() {
        return acmeStatus;
    }

    ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    SmimeEnvironment environment() {
        return environment;
    }

    private void show(StepResult result) {
        // The CA's "still checking" is progress, not a problem: it goes next to the spinner.
        problems.setAll(result.problems().stream().filter(problem -> !problem.notice().key().equals(WAITING_NOTICE))
                .map(ShownProblem::of).toList());
        acmeStatus.set(result.problems().stream().filter(problem -> problem.notice().key().equals(WAITING_NOTICE))
                .findFirst().<Localized>map(problem -> new NoticeText(problem.notice())).orElse(null));
        if (result.installed().isPresent() || !result.step().equals(step.get())) {
            report.set(result.installed());
        }
        step.set(result.step());
        keepPolling(result.accepted());
    }

    /**
     * Asks the CA again in a few seconds while the step is the ACME validation and the last answer was no refusal;
     * otherwise stops (a refusal or timeout waits for the user's "ask again" or "start over").
     */
    private void keepPolling(boolean lastAccepted) {
        if (!(step.get() instanceof WizardStep.AcmeValidation) || !lastAccepted) {
            pollRound++;
            pollScheduled = false;
            return;
        }
        if (pollScheduled) {
            return;
        }
        pollScheduled = true;
        long round = pollRound;
        Executor later = CompletableFuture.delayedExecutor(POLL_EVERY.toMillis(), TimeUnit.MILLISECONDS, background);
        later.execute(() -> ui.execute(() -> {
            if (round == pollRound && pollScheduled) {
                pollScheduled = false;
                pollNow();
            }
        }));
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
