package dev.hikyaku.app.smime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.app.i18n.LiveText;
import dev.hikyaku.app.i18n.UiLanguage;
import dev.hikyaku.app.shell.ShellView;
import dev.hikyaku.smime.catalogue.CaCatalogue;
import dev.hikyaku.smime.catalogue.CaEntry;
import dev.hikyaku.smime.cms.Credential;
import dev.hikyaku.smime.identity.IdentityStore;
import dev.hikyaku.smime.revocation.RevocationChecker;
import dev.hikyaku.smime.wizard.SmimeSettings;
import dev.hikyaku.testworld.ca.FixtureCa;
import dev.hikyaku.testworld.ca.Validity;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The S/MIME section driven like a user: the key store's door, the wizard with a fixture CA, the certificate list. */
@ExtendWith(ApplicationExtension.class)
class SmimeWindowTest {
    private static final Clock CLOCK = Clock.fixed(Instant.now().truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC);
    private static final String ALICE = "alice@example.test";
    private static final String PASSWORD = "correct Horse 42 battery";
    private static final int ITERATIONS = 2_000;

    @TempDir
    Path directory;

    private final ExecutorService background = Executors.newCachedThreadPool();
    private final LiveText text = new LiveText(UiLanguage.ENGLISH);
    private final FixtureCa ca = FixtureCa.create(CLOCK);
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void stop() throws Exception {
        background.shutdownNow();
        // A confirmation or file window left open would take the next test's clicks.
        FxToolkit.cleanupStages();
    }

    @Test
    void theStoreIsCreatedOnceThenUnlockedAndAWrongPasswordIsSaidPlainly(FxRobot robot) throws Exception {
        List<String> told = new ArrayList<>();
        IdentityVault vault = vault(CLOCK);
        vault.onUnlocked(password -> told.add(new String(password)));
        show(robot, vault, CLOCK);
        awaitText(robot, "#" + VaultView.OPEN_ID, "_Create key store"::equals);

        type(robot, VaultView.PASSWORD_ID, "short");
        assertEquals("Strength: too short", label(robot, VaultView.STRENGTH_ID));
        type(robot, VaultView.REPEAT_ID, "short");
        fire(robot, VaultView.OPEN_ID);
        assertTrue(label(robot, VaultView.MESSAGE_ID).startsWith("The password is too short"));

        type(robot, VaultView.PASSWORD_ID, PASSWORD);
        assertEquals("Strength: strong", label(robot, VaultView.STRENGTH_ID));
        type(robot, VaultView.REPEAT_ID, PASSWORD + "x");
        fire(robot, VaultView.OPEN_ID);
        assertTrue(label(robot, VaultView.MESSAGE_ID).startsWith("The two passwords are not the same"));

        type(robot, VaultView.PASSWORD_ID, PASSWORD);
        type(robot, VaultView.REPEAT_ID, PASSWORD);
        TextInputControl field = robot.lookup("#" + VaultView.PASSWORD_ID).queryAs(TextInputControl.class);
        fire(robot, VaultView.OPEN_ID);
        await(robot, "#" + SmimeSection.PAGES_ID);
        assertTrue(Files.exists(directory.resolve(IdentityStore.FILE_NAME)));
        assertEquals(List.of(PASSWORD), told, "the gateway's seam gets the password");
        assertEquals("", field.getText(), "the field forgets what was typed");

        // The app starts again: the store exists, so the user is asked for its password.
        IdentityVault again = vault(CLOCK);
        show(robot, again, CLOCK);
        awaitText(robot, "#" + VaultView.OPEN_ID, "_Unlock"::equals);
        assertFalse(robot.lookup("#" + VaultView.REPEAT_ID).query().isVisible());
        type(robot, VaultView.PASSWORD_ID, "not the password");
        fire(robot, VaultView.OPEN_ID);
        awaitText(robot, "#" + VaultView.MESSAGE_ID, shown -> shown.startsWith("Wrong password"));
        assertTrue(again.store().isEmpty());
        type(robot, VaultView.PASSWORD_ID, PASSWORD);
        fire(robot, VaultView.OPEN_ID);
        await(robot, "#" + SmimeSection.PAGES_ID);
        assertTrue(again.store().isPresent());
    }

    @Test
    void fromRequestToFinishedWithAFixtureCaAndABaselineProblemOnTheWay(FxRobot robot) throws Exception {
        IdentityVault vault = unlockedVault(CLOCK);
        show(robot, vault, CLOCK);
        awaitStep(robot, 1);
        assertFalse(robot.lookup("#" + StepScreens.PATH_ACME_ID).query().isDisabled(), "a company CA may offer ACME");
        assertTrue(label(robot, StepScreens.ACME_NOTE_ID).contains("No public CA"));
        type(robot, StepScreens.ADDRESS_ID, ALICE);
        type(robot, StepScreens.NAME_ID, "Alice Example");
        robot.interact(() -> {
            TableView<CaEntry> cas = robot.lookup("#" + StepScreens.CA_TABLE_ID).query();
            cas.getSelectionModel().select(cas.getItems().stream().filter(ca -> ca.id().equals("digicert")).findFirst().orElseThrow());
        });
        fire(robot, StepScreens.CHOOSE_ID);
        awaitStep(robot, 2);
        assertTrue(robot.lookup("#" + StepScreens.KEY_RSA_ID).queryAs(javafx.scene.control.RadioButton.class).isSelected(),
                "RSA 3072 is the default");
        fire(robot, StepScreens.GENERATE_ID);
        awaitStep(robot, 3);
        String request = robot.lookup("#" + ImportScreen.REQUEST_ID).queryAs(TextArea.class).getText();
        assertTrue(request.startsWith("-----BEGIN CERTIFICATE REQUEST-----"), request);
        PublicKey key = requestedKey(request);

        Path wrong = directory.resolve("wrong.pem");
        Files.write(wrong, pem(ca.issue(key, ca.requestedSpec(ALICE, key).withSanEmails("bob@example.test"))));
        type(robot, ImportScreen.FILE_ID, wrong.toString());
        fire(robot, ImportScreen.IMPORT_ID);
        awaitText(robot, "#" + WizardView.PROBLEM_ID + 0, shown -> shown.startsWith("✖ Problem: "));
        assertTrue(robot.lookup("#" + StepScreens.KEY_RSA_ID).tryQuery().isEmpty());
        assertEquals("Step 3 of 6: Import the certificate", label(robot, WizardView.STEP_TITLE_ID), "the step stays");

        // Hikyaku restarts while the CA works: the same step shows again.
        IdentityVault reopened = unlockedVault(CLOCK);
        show(robot, reopened, CLOCK);
        awaitStep(robot, 3);
        assertEquals(request, robot.lookup("#" + ImportScreen.REQUEST_ID).queryAs(TextArea.class).getText());

        Path issued = directory.resolve("issued.pem");
        Files.write(issued, pem(ca.issue(key, ca.requestedSpec(ALICE, key))));
        type(robot, ImportScreen.FILE_ID, issued.toString());
        fire(robot, ImportScreen.IMPORT_ID);
        awaitStep(robot, 4);
        assertEquals(1, reopened.store().orElseThrow().all().size());

        fire(robot, InstallScreen.OUTLOOK_ID);
        awaitText(robot, "#" + InstallScreen.REPORT_ID, shown -> shown.contains(".pfx") && shown.contains("one-time password"));
        awaitText(robot, "#" + InstallScreen.DONE_LIST_ID, "Done for: Outlook"::equals);
        fire(robot, InstallScreen.CONTINUE_ID);
        awaitStep(robot, 5);
        assertTrue(robot.lookup("#" + StepScreens.SIGN_ID).queryAs(javafx.scene.control.CheckBox.class).isSelected());
        fire(robot, StepScreens.ENABLE_ID);
        awaitStep(robot, 6);
        assertTrue(label(robot, StepScreens.FINISHED_ID).startsWith("✔ S/MIME is set up for " + ALICE));
        SmimeSettings settings = SmimeSettings.read(directory).orElseThrow();
        assertTrue(settings.signOutgoing() && settings.encryptWhenPossible());
    }

    @Test
    void aPkcs12FileIsTakenWithItsPasswordAfterAWrongOne(FxRobot robot) throws Exception {
        show(robot, unlockedVault(CLOCK), CLOCK);
        awaitStep(robot, 1);
        type(robot, StepScreens.ADDRESS_ID, ALICE);
        fire(robot, StepScreens.PATH_PKCS12_ID);
        fire(robot, StepScreens.CHOOSE_ID);
        awaitStep(robot, 3);
        assertTrue(robot.lookup("#" + ImportScreen.REQUEST_ID).tryQuery().isEmpty(), "no request for a file at hand");

        KeyPair pair = rsa();
        Path file = directory.resolve("alice.p12");
        Files.write(file, pkcs12(pair, ca.issue(pair.getPublic(), ca.requestedSpec(ALICE, pair.getPublic())), "p12 secret"));
        type(robot, ImportScreen.FILE_ID, file.toString());
        type(robot, ImportScreen.PASSWORD_ID, "guessed");
        fire(robot, ImportScreen.IMPORT_ID);
        awaitText(robot, "#" + WizardView.PROBLEM_ID + 0, shown -> shown.contains("password"));
        type(robot, ImportScreen.PASSWORD_ID, "p12 secret");
        fire(robot, ImportScreen.IMPORT_ID);
        awaitStep(robot, 4);
    }

    @Test
    void theListShowsHistoryAndWarnsOfExpiryAndADroppedCertificateAddsAContact(FxRobot robot) throws Exception {
        IdentityVault vault = unlockedVault(CLOCK);
        KeyPair old = rsa();
        vault.store().orElseThrow().add(new Credential(old.getPrivate(), ca.issue(old.getPublic(),
                ca.requestedSpec(ALICE, old.getPublic()).withValidity(new Validity(CLOCK.instant().minus(Duration.ofDays(400)),
                        CLOCK.instant().minus(Duration.ofDays(35)))))));
        KeyPair current = rsa();
        vault.store().orElseThrow().add(new Credential(current.getPrivate(), ca.issue(current.getPublic(),
                ca.requestedSpec(ALICE, current.getPublic()).withValidity(new Validity(CLOCK.instant().minus(Duration.ofDays(340)),
                        CLOCK.instant().plus(Duration.ofDays(12)))))));
        SmimeSection section = show(robot, vault, CLOCK);
        await(robot, "#" + SmimeSection.PAGES_ID);
        robot.interact(() -> robot.lookup("#" + SmimeSection.PAGES_ID).queryAs(TabPane.class).getSelectionModel().select(1));

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> table(robot, CertificateListView.OWN_TABLE_ID).getItems().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        List<String> cells = cells(robot, CertificateListView.OWN_TABLE_ID);
        assertTrue(cells.contains("✔ Current"), cells.toString());
        assertTrue(cells.contains("⌛ Expired (kept for decryption)"), cells.toString());
        assertTrue(cells.stream().anyMatch(cell -> cell.startsWith("⚠ ") && cell.contains(ALICE)), cells.toString());

        Path carol = directory.resolve("carol.cer");
        Files.write(carol, ca.smime("carol@example.test").certificate().getEncoded());
        robot.interact(() -> section.dropOnCertificateList(List.of(carol.toFile())));
        awaitText(robot, "#" + CertificateListView.STATUS_ID, shown -> shown.startsWith("1 new certificate from 1 file"));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> table(robot, CertificateListView.CONTACTS_TABLE_ID).getItems().size() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        List<String> contacts = cells(robot, CertificateListView.CONTACTS_TABLE_ID);
        assertTrue(contacts.contains("carol@example.test") && contacts.contains("✔ Usable"), contacts.toString());
    }

    private IdentityVault vault(Clock clock) {
        return IdentityVault.inDataDirectory(directory, clock, new SecureRandom(), ITERATIONS);
    }

    private IdentityVault unlockedVault(Clock clock) throws Exception {
        IdentityVault vault = vault(clock);
        if (vault.exists()) {
            vault.unlock(PASSWORD.toCharArray());
        } else {
            vault.create(PASSWORD.toCharArray());
        }
        return vault;
    }

    private SmimeSection show(FxRobot robot, IdentityVault vault, Clock clock) throws Exception {
        SmimeEnvironment environment = new SmimeEnvironment(Set.of(new TrustAnchor(ca.root(), null)), CaCatalogue.bundled(),
                Optional.empty(), List::of, Files.createDirectories(directory.resolve("exports")), RevocationChecker.offline(),
                new SecureRandom(), ITERATIONS);
        SmimeSection section = new SmimeSection(text, vault, environment, directory, clock,
                (from, recipients, message) -> { throw new java.io.IOException("no ACME here"); }, background, Platform::runLater);
        robot.interact(() -> {
            new ShellView(text, List.of(section)).show(stage);
            // Within Monocle's 1280x800 screen: the primary stage keeps this size for the tests that follow.
            stage.setWidth(1100);
            stage.setHeight(760);
        });
        return section;
    }

    private static void type(FxRobot robot, String id, String value) {
        robot.interact(() -> robot.lookup("#" + id).queryAs(TextInputControl.class).setText(value));
    }

    private static void fire(FxRobot robot, String id) {
        robot.interact(() -> robot.lookup("#" + id).queryAs(ButtonBase.class).fire());
    }

    private static String label(FxRobot robot, String id) {
        return robot.lookup("#" + id).queryAs(Label.class).getText();
    }

    @SuppressWarnings("unchecked")
    private static <R> TableView<R> table(FxRobot robot, String id) {
        return (TableView<R>) robot.lookup("#" + id).queryAs(TableView.class);
    }

    private static List<String> cells(FxRobot robot, String tableId) {
        return robot.lookup("#" + tableId).lookup(".table-cell").queryAll().stream()
                .map(cell -> ((TableCell<?, ?>) cell).getText()).filter(value -> value != null && !value.isEmpty()).toList();
    }

    private static void awaitStep(FxRobot robot, int number) throws TimeoutException {
        awaitText(robot, "#" + WizardView.STEP_TITLE_ID, shown -> shown.startsWith("Step " + number + " of 6"));
    }

    private static void await(FxRobot robot, String query) throws TimeoutException {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup(query).tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void awaitText(FxRobot robot, String query, Predicate<String> expected) throws TimeoutException {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup(query).tryQuery().map(SmimeWindowTest::shown)
                .map(expected::test).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String shown(Node node) {
        if (node instanceof Label label) {
            return label.getText();
        }
        if (node instanceof TextInputControl input) {
            return input.getText();
        }
        return ((ButtonBase) node).getText();
    }

    private static KeyPair rsa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static PublicKey requestedKey(String pem) throws Exception {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            return new JcaPKCS10CertificationRequest((PKCS10CertificationRequest) parser.readObject()).getPublicKey();
        }
    }

    private static byte[] pem(List<X509Certificate> chain) throws Exception {
        StringBuilder out = new StringBuilder();
        for (X509Certificate certificate : chain) {
            out.append("-----BEGIN CERTIFICATE-----\n")
                    .append(Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(certificate.getEncoded()))
                    .append("\n-----END CERTIFICATE-----\n");
        }
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] pkcs12(KeyPair pair, List<X509Certificate> chain, String password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("issued", pair.getPrivate(), password.toCharArray(), chain.toArray(Certificate[]::new));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.store(out, password.toCharArray());
        return out.toByteArray();
    }
}
