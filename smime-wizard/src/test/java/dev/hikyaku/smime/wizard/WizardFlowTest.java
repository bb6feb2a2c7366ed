package dev.hikyaku.smime.wizard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.smime.baseline.Defect;
import dev.hikyaku.smime.baseline.Severity;
import dev.hikyaku.smime.identity.IdentityStore;
import dev.hikyaku.smime.identity.Pkcs12Format;
import dev.hikyaku.smime.install.InstallReport;
import dev.hikyaku.smime.install.MailClient;
import dev.hikyaku.smime.request.KeyAlgorithm;
import dev.hikyaku.smime.text.Notice;
import dev.hikyaku.testworld.ca.FixtureCa;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The wizard from start to finish with a fixture CA and a real NSS database, and every way a step says no. */
class WizardFlowTest {
    private static final Clock CLOCK = Clock.fixed(Instant.now().truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC);
    private static final String ALICE = "alice@example.test";

    @TempDir
    Path directory;

    private WizardWorld world;
    private WizardSetup setup;

    @BeforeEach
    void world() throws Exception {
        world = new WizardWorld(directory, CLOCK);
        setup = world.setup(Optional.of(WizardWorld.nss()));
    }

    @Test
    void fromRequestToGatewaySettingsAcrossARestart() throws Exception {
        Wizard wizard = Wizard.open(setup);
        assertInstanceOf(WizardStep.ChoosePath.class, wizard.current());

        StepResult chosen = wizard.submit(new WizardInput.Choose(" " + ALICE + " ", "Alice Example",
                new PathChoice.PublicCa("digicert")));
        assertInstanceOf(WizardStep.MakeRequest.class, chosen.step());
        WizardStep.ImportCertificate waiting = (WizardStep.ImportCertificate)
                wizard.submit(new WizardInput.Generate(KeyAlgorithm.RSA_3072)).step();
        String request = waiting.request().orElseThrow();
        assertTrue(request.startsWith("-----BEGIN CERTIFICATE REQUEST-----"), request);
        String keptKey = Files.readString(directory.resolve("data").resolve(Wizard.PENDING_KEY_FILE));
        assertTrue(keptKey.contains("ENCRYPTED PRIVATE KEY") && !keptKey.contains("BEGIN PRIVATE KEY"));

        // The CA takes its time; Hikyaku is restarted meanwhile and picks up where it was.
        Wizard resumed = Wizard.open(world.setup(Optional.of(WizardWorld.nss())));
        assertEquals(waiting, resumed.current());
        PublicKey requested = WizardWorld.requestedKey(request);
        assertEquals(3072, ((RSAPublicKey) requested).getModulus().bitLength());
        List<X509Certificate> issued = world.ca.issue(requested, world.ca.requestedSpec(ALICE, requested));

        StepResult imported = resumed.submit(new WizardInput.CertificateFile(WizardWorld.pem(issued)));

        assertEquals(List.of(), imported.problems());
        WizardStep.Install install = (WizardStep.Install) imported.step();
        assertFalse(Files.exists(directory.resolve("data").resolve(Wizard.PENDING_KEY_FILE)));
        IdentityStore reopened = IdentityStore.open(directory.resolve("data/identities.p12"), WizardWorld.STORE_PASSWORD,
                CLOCK, new SecureRandom(), 2_000);
        assertEquals(issued.get(0), reopened.signing(ALICE).orElseThrow().credential().certificate());
        assertEquals(reopened.signing(ALICE).orElseThrow().fingerprint(), install.fingerprint());

        Path profile = world.nssDatabase("thunderbird-profile", Optional.empty());
        StepResult thunderbird = resumed.submit(new WizardInput.InstallThunderbird(profile, Optional.empty(), world.exports));
        InstallReport.Installed installed = assertInstanceOf(InstallReport.Installed.class, thunderbird.installed().orElseThrow());
        assertTrue(world.listed(profile).contains(installed.nickname()), "certutil -L lists the imported certificate");
        assertEquals(3, installed.nextSteps().size());

        StepResult outlook = resumed.submit(new WizardInput.PrepareOutlook(world.exports, Pkcs12Format.MODERN));
        InstallReport.ManualImport pfx = assertInstanceOf(InstallReport.ManualImport.class, outlook.installed().orElseThrow());
        String script = pfx.script().orElseThrow();
        assertTrue(script.contains("Import-PfxCertificate -FilePath '" + pfx.file().toAbsolutePath() + "'"), script);
        assertTrue(script.contains("-CertStoreLocation Cert:\\CurrentUser\\My") && !script.contains(pfx.filePassword()), script);
        KeyStore exported = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(pfx.file())) {
            exported.load(in, pfx.filePassword().toCharArray());
        }
        assertTrue(exported.isKeyEntry(exported.aliases().nextElement()));
        assertEquals(List.of(MailClient.THUNDERBIRD, MailClient.OUTLOOK), ((WizardStep.Install) outlook.step()).done());

        assertInstanceOf(WizardStep.EnableSigning.class, resumed.submit(new WizardInput.InstallDone()).step());
        WizardStep.Finished finished = (WizardStep.Finished) resumed.submit(new WizardInput.Enable(true, true)).step();

        SmimeSettings settings = new SmimeSettings(ALICE, install.fingerprint(), true, true);
        assertEquals(settings, finished.settings());
        assertEquals(Optional.of(settings), SmimeSettings.read(directory.resolve("data")));
        assertEquals(finished, Wizard.open(setup).current());
    }

    @ParameterizedTest
    // The JDK cannot read a secp256k1 key out of a PKCS#12 at all; BaselineValidatorTest shows that check.
    @EnumSource(value = Defect.class, mode = EnumSource.Mode.EXCLUDE, names = "SECP256K1")
    void everyBaselineProblemIsExplainedWhenTheCertificateIsImported(Defect defect) throws Exception {
        Wizard wizard = Wizard.open(setup);
        wizard.submit(new WizardInput.Choose(ALICE, "", new PathChoice.PublicCa("digicert")));
        FixtureCa issuer = defect.untrustedIssuer() ? FixtureCa.create(CLOCK) : world.ca;
        StepResult result;
        if (defect.requestable()) {
            String request = ((WizardStep.ImportCertificate) wizard.submit(new WizardInput.Generate(
                    defect.ec() ? KeyAlgorithm.EC_P256 : KeyAlgorithm.RSA_2048)).step()).request().orElseThrow();
            PublicKey key = WizardWorld.requestedKey(request);
            List<X509Certificate> chain = issuer.issue(key, defect.apply(issuer.requestedSpec(ALICE, key), CLOCK));
            result = wizard.submit(new WizardInput.CertificateFile(WizardWorld.pem(chain)));
        } else {
            wizard.submit(new WizardInput.TakePkcs12Instead());
            KeyPair key = defect.keyPair();
            List<X509Certificate> chain = issuer.issue(key.getPublic(),
                    defect.apply(issuer.requestedSpec(ALICE, key.getPublic()), CLOCK));
            result = wizard.submit(new WizardInput.Pkcs12File(WizardWorld.pkcs12(key, chain, "p".toCharArray()),
                    "p".toCharArray()));
        }

        assertEquals(List.of(defect.check().messageKey()), result.problems().stream().map(p -> p.notice().key()).toList());
        assertEquals(defect.severity(), result.problems().get(0).severity());
        if (defect.severity() == Severity.ERROR) {
            assertFalse(result.accepted());
            assertInstanceOf(WizardStep.ImportCertificate.class, wizard.current());
            assertEquals(List.of(), setup.identities().all());
        } else {
            assertTrue(result.accepted());
            assertInstanceOf(WizardStep.Install.class, wizard.current());
        }
    }

    @Test
    void aCaThatHandsOutAPkcs12GetsItsScreensAndItsFileWithThePassword() throws Exception {
        Wizard wizard = Wizard.open(setup);
        WizardStep.FollowGuide guide = (WizardStep.FollowGuide) wizard.submit(
                new WizardInput.Choose(ALICE, "", new PathChoice.PublicCa("actalis-free"))).step();
        assertEquals(6, guide.steps().size());
        for (Notice step : guide.steps()) {
            assertNotEquals(step.text(Locale.ENGLISH), step.text(Locale.JAPANESE));
        }
        assertTrue(guide.steps().get(1).text(Locale.JAPANESE).contains(ALICE));
        assertEquals(guide, Wizard.open(setup).current(), "the guide survives a restart");

        wizard.submit(new WizardInput.GuideDone());
        KeyPair key = Defect.EXPIRED.keyPair();
        List<X509Certificate> chain = world.ca.issue(key.getPublic(), world.ca.requestedSpec(ALICE, key.getPublic()));
        byte[] file = WizardWorld.pkcs12(key, chain, "from the site".toCharArray());

        assertEquals(List.of("wizard.import.needPkcs12"),
                keys(wizard.submit(new WizardInput.CertificateFile(WizardWorld.pem(chain)))));
        char[] wrong = "typo".toCharArray();
        assertEquals(List.of("pkcs12.wrongPassword"), keys(wizard.submit(new WizardInput.Pkcs12File(file, wrong))));
        assertArrayEquals(new char[4], wrong, "the password is wiped after use");
        StepResult imported = wizard.submit(new WizardInput.Pkcs12File(file, "from the site".toCharArray()));

        assertTrue(imported.accepted(), imported.problems().toString());
        assertEquals(chain.get(0), setup.identities().signing(ALICE).orElseThrow().credential().certificate());
    }

    @Test
    void aCompanyCaIsTrustedThroughItsRootAndNeedsNoBaselinePolicy() throws Exception {
        FixtureCa company = FixtureCa.create(CLOCK);
        Wizard wizard = Wizard.open(setup);
        wizard.submit(new WizardInput.Choose(ALICE, "", new PathChoice.CompanyCa("Example Corp CA", List.of(company.root()))));
        assertEquals(new PathChoice.CompanyCa("Example Corp CA", List.of(company.root())),
                ((WizardStep.MakeRequest) Wizard.open(setup).current()).path());
        String request = ((WizardStep.ImportCertificate) wizard.submit(new WizardInput.Generate(KeyAlgorithm.EC_P256))
                .step()).request().orElseThrow();
        PublicKey key = WizardWorld.requestedKey(request);

        StepResult imported = wizard.submit(new WizardInput.CertificateFile(WizardWorld.pem(
                company.issue(key, company.requestedSpec(ALICE, key).withPolicies()))));

        assertTrue(imported.accepted());
        assertEquals(List.of(new Problem(Notice.of("baseline.policyAbsent"), Severity.WARNING)), imported.problems());
    }

    @Test
    void theFirstStepRefusesWhatCannotWork() throws Exception {
        Wizard wizard = Wizard.open(setup);
        PathChoice digicert = new PathChoice.PublicCa("digicert");

        assertEquals(List.of("email.noAt"), keys(wizard.submit(new WizardInput.Choose("alice", "", digicert))));
        assertEquals(List.of("name.tooLong"), keys(wizard.submit(new WizardInput.Choose(ALICE, "x".repeat(65), digicert))));
        assertEquals(List.of("wizard.unknownCa"), keys(wizard.submit(
                new WizardInput.Choose(ALICE, "", new PathChoice.PublicCa("free-for-all")))));
        assertEquals(List.of("acme.badUrl"), keys(wizard.submit(
                new WizardInput.Choose(ALICE, "", new PathChoice.Acme(java.net.URI.create("ftp://ca.example.test/acme"))))));
        assertEquals(List.of("wizard.companyNameMissing"), keys(wizard.submit(
                new WizardInput.Choose(ALICE, "", new PathChoice.CompanyCa(" ", List.of())))));
        X509Certificate person = world.ca.smime("bob@example.test").certificate();
        assertEquals(List.of("wizard.companyRootNotCa"), keys(wizard.submit(
                new WizardInput.Choose(ALICE, "", new PathChoice.CompanyCa("Corp", List.of(person))))));

        assertInstanceOf(WizardStep.ChoosePath.class, wizard.current());
        assertFalse(Files.exists(directory.resolve("data").resolve(Wizard.STATE_FILE)), "nothing was taken, nothing saved");
    }

    @Test
    void theImportRefusesAnotherKeysCertificateGarbageAndHugeFiles() throws Exception {
        Wizard wizard = Wizard.open(setup);
        wizard.submit(new WizardInput.Choose(ALICE, "", new PathChoice.PublicCa("digicert")));
        wizard.submit(new WizardInput.Generate(KeyAlgorithm.EC_P256));
        KeyPair other = Defect.EC_CANNOT_ENCRYPT.keyPair();
        List<X509Certificate> foreign = world.ca.issue(other.getPublic(), world.ca.requestedSpec(ALICE, other.getPublic()));

        assertEquals(List.of("wizard.import.keyMismatch"),
                keys(wizard.submit(new WizardInput.CertificateFile(WizardWorld.pem(foreign)))));
        assertEquals(List.of("wizard.import.unreadable"),
                keys(wizard.submit(new WizardInput.CertificateFile("not a certificate".getBytes()))));
        assertEquals(List.of("wizard.import.tooLarge"),
                keys(wizard.submit(new WizardInput.CertificateFile(new byte[Wizard.MAX_IMPORT_BYTES + 1]))));
        KeyPair stranger = Defect.EXPIRED.keyPair();
        List<X509Certificate> mine = world.ca.issue(stranger.getPublic(), world.ca.requestedSpec(ALICE, stranger.getPublic()));
        KeyPair mismatched = new KeyPair(mine.get(0).getPublicKey(), Defect.EXPIRED.keyPair().getPrivate());
        assertEquals(List.of("wizard.import.keyMismatch"), keys(wizard.submit(new WizardInput.Pkcs12File(
                WizardWorld.pkcs12(mismatched, mine, "p".toCharArray()), "p".toCharArray()))),
                "a PKCS#12 may pair any key with any certificate");
        KeyStore certificatesOnly = KeyStore.getInstance("PKCS12");
        certificatesOnly.load(null, null);
        certificatesOnly.setCertificateEntry("ca", world.ca.root());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        certificatesOnly.store(out, "p".toCharArray());
        assertEquals(List.of("wizard.import.noKeyInPkcs12"),
                keys(wizard.submit(new WizardInput.Pkcs12File(out.toByteArray(), "p".toCharArray()))));
        assertInstanceOf(WizardStep.ImportCertificate.class, wizard.current());
    }

    @Test
    void restartingForgetsThePendingKeyAndAnInputForAnotherStepIsABug() throws Exception {
        Wizard wizard = Wizard.open(setup);
        wizard.submit(new WizardInput.Choose(ALICE, "", new PathChoice.PublicCa("digicert")));
        assertThrows(IllegalArgumentException.class, () -> wizard.submit(new WizardInput.InstallDone()));
        wizard.submit(new WizardInput.Generate(KeyAlgorithm.EC_P256));

        wizard.restart();

        assertInstanceOf(WizardStep.ChoosePath.class, wizard.current());
        assertInstanceOf(WizardStep.ChoosePath.class, Wizard.open(setup).current());
        assertFalse(Files.exists(directory.resolve("data").resolve(Wizard.PENDING_KEY_FILE)));
    }

    @Test
    void thunderbirdWithAPrimaryPasswordNeedsItAndAMissingProfileIsSaidPlainly() throws Exception {
        Wizard wizard = atInstall();
        Path locked = world.nssDatabase("locked-profile", Optional.of("nss secret"));

        StepResult withoutPassword = wizard.submit(new WizardInput.InstallThunderbird(locked, Optional.empty(), world.exports));
        assertEquals(List.of("install.thunderbird.failed"), keys(withoutPassword));
        assertFalse(withoutPassword.accepted());
        char[] password = "nss secret".toCharArray();
        StepResult withPassword = wizard.submit(new WizardInput.InstallThunderbird(locked, Optional.of(password), world.exports));
        assertInstanceOf(InstallReport.Installed.class, withPassword.installed().orElseThrow());
        assertArrayEquals(new char[10], password);

        StepResult nowhere = wizard.submit(new WizardInput.InstallThunderbird(directory.resolve("no-profile"),
                Optional.empty(), world.exports));
        assertEquals(List.of("install.thunderbird.noProfile"), keys(nowhere));
        assertEquals(List.of(MailClient.THUNDERBIRD), ((WizardStep.Install) wizard.current()).done());
    }

    @Test
    void withoutNssToolsThunderbirdGetsAFileAndTheExactSteps() throws Exception {
        setup = world.setup(Optional.empty());
        Wizard wizard = atInstall();

        StepResult manual = wizard.submit(new WizardInput.InstallThunderbird(directory.resolve("profile"), Optional.empty(),
                world.exports));

        InstallReport.ManualImport report = assertInstanceOf(InstallReport.ManualImport.class, manual.installed().orElseThrow());
        assertTrue(report.file().startsWith(world.exports));
        KeyStore file = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(report.file())) {
            file.load(in, report.filePassword().toCharArray());
        }
        assertEquals("install.thunderbird.manualImport", report.steps().get(0).key());
        assertFalse(report.toString().contains(report.filePassword()));
    }

    private Wizard atInstall() throws Exception {
        Wizard wizard = Wizard.open(setup);
        wizard.submit(new WizardInput.Choose(ALICE, "", new PathChoice.ExistingPkcs12()));
        KeyPair key = Defect.EXPIRED.keyPair();
        List<X509Certificate> chain = world.ca.issue(key.getPublic(), world.ca.requestedSpec(ALICE, key.getPublic()));
        StepResult imported = wizard.submit(new WizardInput.Pkcs12File(WizardWorld.pkcs12(key, chain, "p".toCharArray()),
                "p".toCharArray()));
        assertInstanceOf(WizardStep.Install.class, imported.step(), imported.problems().toString());
        return wizard;
    }

    private static List<String> keys(StepResult result) {
        return result.problems().stream().map(problem -> problem.notice().key()).toList();
    }
}
