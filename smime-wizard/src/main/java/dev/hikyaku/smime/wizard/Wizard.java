package dev.hikyaku.smime.wizard;

import dev.hikyaku.smime.acme.AcmeOrder;
import dev.hikyaku.smime.acme.AcmeStepException;
import dev.hikyaku.smime.acme.ChallengeMail;
import dev.hikyaku.smime.acme.ChallengeState;
import dev.hikyaku.smime.acme.DirectoryUrl;
import dev.hikyaku.smime.acme.ResponseMail;
import dev.hikyaku.smime.baseline.BaselineProblem;
import dev.hikyaku.smime.baseline.BaselineValidator;
import dev.hikyaku.smime.baseline.Issuer;
import dev.hikyaku.smime.baseline.Severity;
import dev.hikyaku.smime.catalogue.CaEntry;
import dev.hikyaku.smime.catalogue.Issuance;
import dev.hikyaku.smime.certificate.CertificateBundle;
import dev.hikyaku.smime.cms.Credential;
import dev.hikyaku.smime.cms.SmimeVerifier;
import dev.hikyaku.smime.identity.Identity;
import dev.hikyaku.smime.identity.IdentityStore;
import dev.hikyaku.smime.identity.IdentityStoreException;
import dev.hikyaku.smime.install.InstallReport;
import dev.hikyaku.smime.install.MailClient;
import dev.hikyaku.smime.request.CertificateRequest;
import dev.hikyaku.smime.request.EmailAddress;
import dev.hikyaku.smime.request.RequestRejectedException;
import dev.hikyaku.smime.revocation.RevocationChecker;
import dev.hikyaku.smime.text.Notice;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/**
 * The guided S/MIME set-up as a UI-free state machine that the desktop app drives: each {@link WizardStep} shows
 * what it needs, {@link #submit} validates the user's {@link WizardInput} and either moves on or stays with the
 * problems explained. The step is saved after every change, so the wizard resumes after a restart (a CA may take
 * days to answer a request; its key waits encrypted meanwhile).
 *
 * <pre>
 * ChoosePath ─┬─ ACME CA ─→ AcmeTerms → AcmeChallenge → AcmeValidation ─┐ (on its own once issued)
 *             ├─ CA signs requests / company CA ─→ MakeRequest ─────────┤
 *             ├─ CA hands out a PKCS#12 ─────────→ FollowGuide ─────────┼─→ ImportCertificate → Install → EnableSigning → Finished
 *             └─ PKCS#12 at hand ───────────────────────────────────────┘
 * </pre>
 */
public final class Wizard {
    /** The state file's name in the data folder. */
    public static final String STATE_FILE = "smime-wizard.properties";
    /** The pending key's file name in the data folder. */
    public static final String PENDING_KEY_FILE = "smime-wizard-key.pem";
    /** The ACME account key's file name in the data folder (encrypted like the pending key). */
    public static final String ACME_ACCOUNT_KEY_FILE = "smime-wizard-acme-account.pem";
    /** Certificate and PKCS#12 files larger than this are refused unread; real ones are a few KiB. */
    public static final int MAX_IMPORT_BYTES = 1024 * 1024;
    private static final int MAX_DISPLAY_NAME = 64;

    private final WizardSetup setup;
    private final WizardStateFile state;
    private final PendingKey pendingKey;
    private final AcmeAccountKey acmeKey;
    private WizardStep current;

    private Wizard(WizardSetup setup) {
        this.setup = setup;
        this.state = new WizardStateFile(setup.dataDirectory().resolve(STATE_FILE), setup.catalogue());
        this.pendingKey = new PendingKey(setup.dataDirectory().resolve(PENDING_KEY_FILE), setup.keyPassword(),
                setup.random(), setup.keyIterations());
        this.acmeKey = new AcmeAccountKey(new PendingKey(setup.dataDirectory().resolve(ACME_ACCOUNT_KEY_FILE),
                setup.keyPassword(), setup.random(), setup.keyIterations()), setup.random());
        this.current = state.read();
    }

    /** The wizard where it was left (the first step when it never ran). */
    public static Wizard open(WizardSetup setup) {
        return new Wizard(setup);
    }

    /** Where the wizard stands. */
    public synchronized WizardStep current() {
        return current;
    }

    /**
     * Gives the current step the user's input.
     *
     * @throws IllegalArgumentException when the input is not one the current step takes (a bug in the caller)
     */
    public synchronized StepResult submit(WizardInput input) {
        StepResult result;
        if (current instanceof WizardStep.ChoosePath && input instanceof WizardInput.Choose choose) {
            result = choose(choose);
        } else if (current instanceof WizardStep.MakeRequest step && input instanceof WizardInput.Generate generate) {
            result = generate(step, generate);
        } else if (current instanceof WizardStep.MakeRequest step && input instanceof WizardInput.TakePkcs12Instead) {
            result = moved(new WizardStep.ImportCertificate(step.account(), step.path(), Optional.empty()), List.of());
        } else if (current instanceof WizardStep.AcmeTerms step && input instanceof WizardInput.AgreeToTerms agree) {
            result = acmeOrder(step, agree);
        } else if (current instanceof WizardStep.AcmeChallenge step && input instanceof WizardInput.ChallengeMessage mail) {
            result = acmeRespond(step, mail);
        } else if (current instanceof WizardStep.AcmeValidation step && input instanceof WizardInput.Poll) {
            result = acmePoll(step);
        } else if (current instanceof WizardStep.FollowGuide step && input instanceof WizardInput.GuideDone) {
            result = moved(new WizardStep.ImportCertificate(step.account(), new PathChoice.PublicCa(step.ca().id()),
                    Optional.empty()), List.of());
        } else if (current instanceof WizardStep.ImportCertificate step && input instanceof WizardInput.CertificateFile file) {
            result = importCertificate(step, file);
        } else if (current instanceof WizardStep.ImportCertificate step && input instanceof WizardInput.Pkcs12File file) {
            result = importPkcs12(step, file);
        } else if (current instanceof WizardStep.Install step && input instanceof WizardInput.InstallThunderbird thunderbird) {
            result = install(step, thunderbird);
        } else if (current instanceof WizardStep.Install step && input instanceof WizardInput.PrepareOutlook outlook) {
            result = install(step, outlook);
        } else if (current instanceof WizardStep.Install step && input instanceof WizardInput.InstallDone) {
            result = moved(new WizardStep.EnableSigning(step.account(), step.fingerprint()), List.of());
        } else if (current instanceof WizardStep.EnableSigning step && input instanceof WizardInput.Enable enable) {
            result = enable(step, enable);
        } else {
            throw new IllegalArgumentException(current.getClass().getSimpleName() + " does not take "
                    + input.getClass().getSimpleName());
        }
        return result;
    }

    /** Forgets everything and starts again at the first step (a pending key is deleted; identities stay). */
    public synchronized void restart() throws IOException {
        pendingKey.delete();
        acmeKey.delete();
        state.delete();
        current = new WizardStep.ChoosePath();
    }

    private StepResult choose(WizardInput.Choose input) {
        List<Problem> problems = new ArrayList<>();
        Optional<EmailAddress> address = Optional.empty();
        try {
            address = Optional.of(EmailAddress.parse(input.address()));
        } catch (RequestRejectedException e) {
            problems.add(Problem.error(e.messageKey(), input.address().strip()));
        }
        String name = input.displayName().strip();
        if (name.length() > MAX_DISPLAY_NAME) {
            problems.add(Problem.error("name.tooLong"));
        }
        WizardStep next = null;
        Account account = address.map(a -> new Account(a, name.isEmpty() ? Optional.empty() : Optional.of(name))).orElse(null);
        PathChoice path = input.path();
        if (path instanceof PathChoice.PublicCa publicCa) {
            Optional<CaEntry> ca = setup.catalogue().find(publicCa.caId());
            if (ca.isEmpty()) {
                problems.add(Problem.error("wizard.unknownCa", publicCa.caId()));
            } else if (ca.get().issuance() == Issuance.ACME && account != null) {
                next = acmeTerms(account, ca.get().acmeDirectory().orElseThrow(), problems);
            } else if (account != null) {
                next = ca.get().issuance() == Issuance.PKCS12_BY_BROWSER
                        ? new WizardStep.FollowGuide(account, ca.get(), ca.get().guide(account.address().toString()))
                        : new WizardStep.MakeRequest(account, path);
            }
        } else if (path instanceof PathChoice.ExistingPkcs12) {
            next = account == null ? null : new WizardStep.ImportCertificate(account, path, Optional.empty());
        } else if (path instanceof PathChoice.CompanyCa company) {
            if (company.name().isBlank()) {
                problems.add(Problem.error("wizard.companyNameMissing"));
            }
            if (!company.rootsAreAuthorities()) {
                problems.add(Problem.error("wizard.companyRootNotCa"));
            }
            next = account == null ? null : new WizardStep.MakeRequest(account, path);
        } else if (path instanceof PathChoice.Acme acme && account != null) {
            next = acmeTerms(account, acme.directory(), problems);
        }
        if (!problems.isEmpty() || next == null) {
            return refused(problems);
        }
        return moved(next, List.of());
    }

    /** Reads the CA's directory (which proves the URL) for its terms; null with a problem when that fails. */
    private WizardStep acmeTerms(Account account, URI directory, List<Problem> problems) {
        try {
            URI checked = DirectoryUrl.parse(directory.toString());
            return new WizardStep.AcmeTerms(account, checked, setup.acme().termsOfService(checked));
        } catch (AcmeStepException e) {
            problems.add(new Problem(e.notice(), Severity.ERROR));
            return null;
        }
    }

    private StepResult acmeOrder(WizardStep.AcmeTerms step, WizardInput.AgreeToTerms input) {
        Account account = step.account();
        CertificateRequest request = setup.requests().create(account.address(), account.displayName(), input.algorithm());
        AcmeOrder order;
        try {
            pendingKey.save(request.keyPair().getPrivate());
            order = setup.acme().order(step.directory(), acmeKey.create(), account.address());
        } catch (IOException e) {
            return refused(List.of(Problem.error("wizard.keyNotSaved", setup.dataDirectory())));
        } catch (AcmeStepException e) {
            return refused(List.of(new Problem(e.notice(), Severity.ERROR)));
        }
        return moved(new WizardStep.AcmeChallenge(account, order, request.pem()), List.of());
    }

    private StepResult acmeRespond(WizardStep.AcmeChallenge step, WizardInput.ChallengeMessage input) {
        Account account = step.account();
        List<Problem> warnings = new ArrayList<>();
        try {
            KeyPair key = acmeKey.load();
            SmimeVerifier verifier = new SmimeVerifier(setup.anchors(), RevocationChecker.offline(), setup.clock());
            ChallengeMail challenge = ChallengeMail.read(input.content(), account.address(), step.order().expectedSender(),
                    verifier);
            if (!challenge.signatureVerified()) {
                warnings.add(new Problem(Notice.of("acme.challenge.unsigned"), Severity.WARNING));
            }
            String digest = setup.acme().digest(step.order(), key, challenge.tokenPart1());
            byte[] response = ResponseMail.write(challenge, account.address(), digest, setup.clock(), setup.random());
            try {
                setup.responses().send(account.address().toString(), challenge.replyTo(), response);
            } catch (IOException e) {
                return refused(List.of(Problem.error("acme.responseNotSent")));
            }
            setup.acme().trigger(step.order(), key);
        } catch (IOException e) {
            return refused(List.of(Problem.error("wizard.import.keyUnavailable")));
        } catch (AcmeStepException e) {
            return refused(List.of(new Problem(e.notice(), Severity.ERROR)));
        }
        return moved(new WizardStep.AcmeValidation(account, step.order(), step.request(), setup.clock().instant()), warnings);
    }

    private StepResult acmePoll(WizardStep.AcmeValidation step) {
        List<X509Certificate> chain;
        try {
            KeyPair key = acmeKey.load();
            ChallengeState state = setup.acme().state(step.order(), key);
            if (state instanceof ChallengeState.Invalid invalid) {
                return refused(List.of(Problem.error("acme.responseRefused", invalid.detail())));
            }
            if (state instanceof ChallengeState.Pending) {
                Duration waited = Duration.between(step.since(), setup.clock().instant());
                if (waited.compareTo(setup.acmePatience()) > 0) {
                    return refused(List.of(Problem.error("acme.timeout", waited.toMinutes())));
                }
                return refused(List.of(new Problem(Notice.of("acme.waiting", waited.toSeconds()), Severity.WARNING)));
            }
            chain = setup.acme().finish(step.order(), key, requestDer(step.request()));
        } catch (IOException e) {
            return refused(List.of(Problem.error("wizard.import.keyUnavailable")));
        } catch (AcmeStepException e) {
            return refused(List.of(new Problem(e.notice(), Severity.ERROR)));
        }
        WizardStep.ImportCertificate importing = new WizardStep.ImportCertificate(step.account(),
                new PathChoice.Acme(step.order().directory()), Optional.of(step.request()));
        moved(importing, List.of());
        StepResult imported;
        try {
            imported = importCertificate(importing, new WizardInput.CertificateFile(CertificatePem.of(chain)));
        } catch (IOException e) {
            return refused(List.of(Problem.error("wizard.import.unreadable")));
        }
        if (imported.step() instanceof WizardStep.Install) {
            try {
                acmeKey.delete();
            } catch (IOException e) {
                // The account key is encrypted and worthless without the store's password; a leftover is replaced next time.
            }
        }
        return imported;
    }

    private StepResult generate(WizardStep.MakeRequest step, WizardInput.Generate input) {
        Account account = step.account();
        CertificateRequest request = setup.requests().create(account.address(), account.displayName(), input.algorithm());
        try {
            pendingKey.save(request.keyPair().getPrivate());
        } catch (IOException e) {
            return refused(List.of(Problem.error("wizard.keyNotSaved", setup.dataDirectory())));
        }
        return moved(new WizardStep.ImportCertificate(account, step.path(), Optional.of(request.pem())), List.of());
    }

    private StepResult importCertificate(WizardStep.ImportCertificate step, WizardInput.CertificateFile file) {
        if (step.request().isEmpty()) {
            return refused(List.of(Problem.error("wizard.import.needPkcs12")));
        }
        if (file.content().length > MAX_IMPORT_BYTES) {
            return refused(List.of(Problem.error("wizard.import.tooLarge")));
        }
        CertificateBundle bundle = CertificateBundle.read(file.content());
        if (bundle.kind() != CertificateBundle.Kind.CERTIFICATES) {
            return refused(List.of(Problem.error("wizard.import.unreadable")));
        }
        byte[] requested = requestedKey(step.request().get());
        Optional<X509Certificate> leaf = bundle.certificates().stream()
                .filter(certificate -> Arrays.equals(certificate.getPublicKey().getEncoded(), requested))
                .findFirst();
        if (leaf.isEmpty()) {
            return refused(List.of(Problem.error("wizard.import.keyMismatch")));
        }
        List<X509Certificate> chain = new ArrayList<>(List.of(leaf.get()));
        bundle.certificates().stream().filter(certificate -> !certificate.equals(leaf.get())).forEach(chain::add);
        PrivateKey key;
        try {
            key = pendingKey.load();
        } catch (IOException e) {
            return refused(List.of(Problem.error("wizard.import.keyUnavailable")));
        }
        return keep(step, new Credential(key, chain));
    }

    private StepResult importPkcs12(WizardStep.ImportCertificate step, WizardInput.Pkcs12File file) {
        List<Credential> credentials;
        try {
            if (file.content().length > MAX_IMPORT_BYTES) {
                return refused(List.of(Problem.error("wizard.import.tooLarge")));
            }
            credentials = IdentityStore.readPkcs12(new ByteArrayInputStream(file.content()), file.password());
        } catch (IdentityStoreException e) {
            return refused(List.of(new Problem(e.notice(), Severity.ERROR)));
        } finally {
            Arrays.fill(file.password(), '\0');
        }
        if (credentials.isEmpty()) {
            return refused(List.of(Problem.error("wizard.import.noKeyInPkcs12")));
        }
        String address = step.account().address().toString();
        Credential chosen = credentials.stream()
                .filter(credential -> new Identity(credential).certificate().names(address))
                .findFirst().orElse(credentials.get(0));
        if (!KeyPairing.matches(chosen.privateKey(), chosen.certificate(), setup.random()).orElse(true)) {
            return refused(List.of(Problem.error("wizard.import.keyMismatch")));
        }
        return keep(step, chosen);
    }

    private StepResult keep(WizardStep.ImportCertificate step, Credential credential) {
        Set<TrustAnchor> anchors = new HashSet<>(setup.anchors());
        Issuer issuer = Issuer.PUBLIC_CA;
        if (step.path() instanceof PathChoice.CompanyCa company) {
            company.roots().forEach(root -> anchors.add(new TrustAnchor(root, null)));
            issuer = Issuer.PRIVATE_CA;
        }
        List<BaselineProblem> found = new BaselineValidator(anchors, setup.clock())
                .validate(credential.chain(), step.account().address(), issuer);
        List<Problem> problems = found.stream().map(problem -> new Problem(problem.notice(), problem.severity())).toList();
        if (problems.stream().anyMatch(problem -> problem.severity() == Severity.ERROR)) {
            return refused(problems);
        }
        try {
            setup.identities().add(credential);
            pendingKey.delete();
        } catch (IdentityStoreException e) {
            return refused(List.of(new Problem(e.notice(), Severity.ERROR)));
        } catch (IOException e) {
            // The key is safe in the identity store now; a leftover encrypted copy is harmless and replaced next time.
        }
        return moved(new WizardStep.Install(step.account(), new Identity(credential).fingerprint(), List.of()), problems);
    }

    private StepResult install(WizardStep.Install step, WizardInput input) {
        Optional<Identity> identity = setup.identities().all().stream()
                .filter(candidate -> candidate.fingerprint().equals(step.fingerprint())).findFirst();
        if (identity.isEmpty()) {
            return refused(List.of(Problem.error("wizard.install.identityGone")));
        }
        InstallReport report;
        if (input instanceof WizardInput.InstallThunderbird thunderbird) {
            try {
                report = setup.thunderbird().install(setup.identities(), identity.get(), thunderbird.profile(),
                        thunderbird.nssPassword(), thunderbird.exportFolder());
            } finally {
                thunderbird.nssPassword().ifPresent(password -> Arrays.fill(password, '\0'));
            }
        } else {
            WizardInput.PrepareOutlook outlook = (WizardInput.PrepareOutlook) input;
            report = setup.outlook().prepare(setup.identities(), identity.get(), outlook.folder(), outlook.format());
        }
        if (report instanceof InstallReport.Failed failed) {
            return new StepResult(current, List.of(new Problem(failed.reason(), Severity.ERROR)), Optional.of(report));
        }
        List<MailClient> done = new ArrayList<>(step.done());
        if (!done.contains(report.client())) {
            done.add(report.client());
        }
        StepResult moved = moved(new WizardStep.Install(step.account(), step.fingerprint(), done), List.of());
        return new StepResult(moved.step(), moved.problems(), Optional.of(report));
    }

    private StepResult enable(WizardStep.EnableSigning step, WizardInput.Enable input) {
        SmimeSettings settings = new SmimeSettings(step.account().address().toString(), step.fingerprint(),
                input.signOutgoing(), input.encryptWhenPossible());
        try {
            settings.write(setup.dataDirectory());
        } catch (IOException e) {
            return refused(List.of(Problem.error("wizard.settingsNotSaved", setup.dataDirectory())));
        }
        return moved(new WizardStep.Finished(settings), List.of());
    }

    private StepResult moved(WizardStep next, List<Problem> warnings) {
        current = next;
        List<Problem> problems = new ArrayList<>(warnings);
        try {
            state.write(next);
        } catch (IOException e) {
            problems.add(new Problem(Notice.of("wizard.stateNotSaved", setup.dataDirectory()), Severity.WARNING));
        }
        return new StepResult(next, problems, Optional.empty());
    }

    private StepResult refused(List<Problem> problems) {
        return new StepResult(current, problems, Optional.empty());
    }

    private static byte[] requestDer(String requestPem) throws IOException {
        try (PEMParser parser = new PEMParser(new StringReader(requestPem))) {
            return ((PKCS10CertificationRequest) parser.readObject()).getEncoded();
        } catch (ClassCastException e) {
            throw new IOException("the wizard's own saved request is unreadable", e);
        }
    }

    private static byte[] requestedKey(String requestPem) {
        try (PEMParser parser = new PEMParser(new StringReader(requestPem))) {
            PKCS10CertificationRequest request = (PKCS10CertificationRequest) parser.readObject();
            return request.getSubjectPublicKeyInfo().getEncoded();
        } catch (IOException | ClassCastException e) {
            throw new IllegalStateException("the wizard's own saved request is unreadable", e);
        }
    }
}
