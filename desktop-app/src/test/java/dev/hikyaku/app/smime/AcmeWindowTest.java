package dev.hikyaku.app.smime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.app.gateway.FreePort;
import dev.hikyaku.app.gateway.GatewayRunner;
import dev.hikyaku.app.gateway.GatewayState;
import dev.hikyaku.app.i18n.LiveText;
import dev.hikyaku.app.i18n.UiLanguage;
import dev.hikyaku.app.shell.ShellView;
import dev.hikyaku.gateway.events.GatewayEvent;
import dev.hikyaku.smime.catalogue.CaCatalogue;
import dev.hikyaku.smime.revocation.RevocationChecker;
import dev.hikyaku.testworld.acme.AcmeWorld;
import dev.hikyaku.testworld.ca.FixtureCa;
import dev.hikyaku.testworld.dns.DnsWorld;
import dev.hikyaku.testworld.smtp.MxBehaviour;
import dev.hikyaku.testworld.smtp.MxServer;
import dev.hikyaku.testworld.smtp.ReceivedMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.TrustAnchor;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The ACME path driven like a user against a real ACME CA on loopback ({@link AcmeWorld}): the challenge mail is
 * read from the user's (loopback) mailbox and handed to the challenge screen; the answer leaves through a real
 * gateway in a temp data folder whose upstream is the CA's loopback SMTP server, so the CA reads what the gateway sent.
 */
@ExtendWith(ApplicationExtension.class)
class AcmeWindowTest {
    private static final Clock CLOCK = Clock.systemUTC();
    private static final String ALICE = "alice@example.test";
    private static final String PASSWORD = "correct Horse 42 battery";
    private static final int ITERATIONS = 2_000;
    private static final int WAIT_SECONDS = 60;

    @TempDir
    Path directory;

    private final ExecutorService background = Executors.newCachedThreadPool();
    private final LiveText text = new LiveText(UiLanguage.ENGLISH);
    private final FixtureCa ca = FixtureCa.create(CLOCK);
    private final List<GatewayEvent> events = new CopyOnWriteArrayList<>();
    private Stage stage;
    private MxServer mailbox;
    private AcmeWorld acme;
    private DnsWorld dns;
    private GatewayRunner gateway;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @BeforeEach
    void world() throws Exception {
        mailbox = MxServer.start(MxBehaviour.plain());
        acme = AcmeWorld.start(ca, mailbox.address());
        // Verdicts for the CA's domain come from loopback DNS; its MX is this machine, so a probe stays on loopback.
        dns = DnsWorld.start();
        dns.zone("ca.fixture.test").add("@ MX 10 mx").add("mx A 127.0.0.1");
        gateway = new GatewayRunner(Files.createDirectories(directory.resolve("gateway")), Map.of(
                "listen.port", Integer.toString(FreePort.pick()),
                "dns.server", "127.0.0.1:" + dns.port(),
                "upstream.host", "127.0.0.1",
                "upstream.port", Integer.toString(acme.responseServer().getPort()),
                "upstream.security", "none"), events::add, CLOCK, background, state -> { });
        gateway.start();
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> gateway.state() instanceof GatewayState.Running);
    }

    @AfterEach
    void stop() throws Exception {
        gateway.close();
        acme.close();
        mailbox.close();
        dns.close();
        background.shutdownNow();
    }

    @Test
    void fromTheDirectoryUrlToInstallWithTheAnswerSentThroughTheGateway(FxRobot robot) throws Exception {
        show(robot);
        awaitTitle(robot, "Step 1 of 6");
        type(robot, StepScreens.ADDRESS_ID, ALICE);
        fire(robot, StepScreens.PATH_ACME_ID);
        assertTrue(label(robot, StepScreens.ACME_NOTE_ID).contains("directory URL"));
        fire(robot, StepScreens.CHOOSE_ID);
        awaitText(robot, AcmeScreens.URL_PROBLEM_ID, shown -> shown.startsWith("✖ Problem: ") && shown.contains("https://"));
        type(robot, AcmeScreens.URL_ID, "http://ca.example.test/directory");
        awaitText(robot, AcmeScreens.URL_PROBLEM_ID, shown -> shown.contains("is not an ACME directory URL"));
        type(robot, AcmeScreens.URL_ID, acme.directory().toString());
        assertTrue(!robot.lookup("#" + AcmeScreens.URL_PROBLEM_ID).query().isVisible(), "a good URL clears the problem");
        fire(robot, StepScreens.CHOOSE_ID);

        awaitTitle(robot, "Step 2 of 6: The CA's terms of service");
        assertEquals(acme.termsOfService().toString(), field(robot, AcmeScreens.TERMS_ID));
        fire(robot, AcmeScreens.KEY_EC_ID);
        fire(robot, AcmeScreens.AGREE_ID);

        awaitTitle(robot, "Step 2 of 6: Hand over the CA's challenge mail");
        assertTrue(label(robot, AcmeScreens.CHALLENGE_EXPLAIN_ID).contains(AcmeWorld.CHALLENGE_SENDER));
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> mailbox.messages().size() == 1);
        ReceivedMessage challenge = mailbox.messages().get(0);
        assertEquals(List.of(ALICE), challenge.recipients());

        type(robot, AcmeScreens.CHALLENGE_PASTE_ID, "From: someone@example.test\nSubject: hello\n\nnot a challenge\n");
        fire(robot, AcmeScreens.ANSWER_ID);
        awaitText(robot, WizardView.PROBLEM_ID + 0, shown -> shown.contains("not an ACME challenge"));
        assertTrue(acme.responseMails().isEmpty());

        Path eml = directory.resolve("challenge.eml");
        Files.write(eml, challenge.raw());
        type(robot, AcmeScreens.CHALLENGE_FILE_ID, eml.toString());
        assertEquals("", field(robot, AcmeScreens.CHALLENGE_PASTE_ID), "the file replaces the pasted text");
        fire(robot, AcmeScreens.ANSWER_ID);

        // The model asks the CA every few seconds; once the gateway has delivered the answer the CA issues.
        awaitTitle(robot, "Step 4 of 6");
        List<ReceivedMessage> answers = acme.responseMails();
        assertEquals(1, answers.size());
        String answer = new String(answers.get(0).raw(), StandardCharsets.US_ASCII);
        String token = subjectToken(new String(challenge.raw(), StandardCharsets.US_ASCII));
        assertTrue(answer.contains(acme.expectedDigest(token).orElseThrow()), answer);
        assertEquals(ALICE, answers.get(0).envelopeFrom());
        String id = events.stream().filter(GatewayEvent.Accepted.class::isInstance).map(GatewayEvent.Accepted.class::cast)
                .findFirst().orElseThrow().messageId();
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS,
                () -> gateway.gateway().orElseThrow().archive().find(id).isPresent());
    }

    @Test
    void aRefusedAnswerStopsTheAskingAndSaysWhy(FxRobot robot) throws Exception {
        acme.refuseResponses("the response mail has no valid DKIM signature");
        show(robot);
        awaitTitle(robot, "Step 1 of 6");
        type(robot, StepScreens.ADDRESS_ID, ALICE);
        fire(robot, StepScreens.PATH_ACME_ID);
        type(robot, AcmeScreens.URL_ID, acme.directory().toString());
        fire(robot, StepScreens.CHOOSE_ID);
        awaitTitle(robot, "Step 2 of 6: The CA's terms of service");
        fire(robot, AcmeScreens.AGREE_ID);
        awaitTitle(robot, "Step 2 of 6: Hand over the CA's challenge mail");
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> mailbox.messages().size() == 1);
        // Pasted as a mail program shows a message's source: LF line ends.
        type(robot, AcmeScreens.CHALLENGE_PASTE_ID,
                new String(mailbox.messages().get(0).raw(), StandardCharsets.US_ASCII).replace("\r\n", "\n"));
        fire(robot, AcmeScreens.ANSWER_ID);

        awaitTitle(robot, "Step 2 of 6: The CA checks the answer");
        awaitText(robot, WizardView.PROBLEM_ID + 0, shown -> shown.startsWith("✖ Problem: ") && shown.contains("DKIM"));
        assertEquals(1, acme.responseMails().size(), "the answer went through the gateway");
        assertTrue(!robot.lookup("#" + AcmeScreens.VALIDATION_PROGRESS_ID).query().isVisible(),
                "the spinner stops once the CA has said no");
        assertTrue(robot.lookup("#" + AcmeScreens.ASK_AGAIN_ID).tryQuery().isPresent());
    }

    private void show(FxRobot robot) throws Exception {
        IdentityVault vault = IdentityVault.inDataDirectory(directory, CLOCK, new SecureRandom(), ITERATIONS);
        vault.create(PASSWORD.toCharArray());
        SmimeEnvironment environment = new SmimeEnvironment(Set.of(new TrustAnchor(ca.root(), null)), CaCatalogue.bundled(),
                Optional.empty(), List::of, Files.createDirectories(directory.resolve("exports")), RevocationChecker.offline(),
                new SecureRandom(), ITERATIONS);
        SmimeSection section = new SmimeSection(text, vault, environment, directory, CLOCK,
                new GatewayResponseSender(gateway::gateway), background, Platform::runLater);
        robot.interact(() -> {
            new ShellView(text, List.of(section)).show(stage);
            stage.setWidth(1100);
            stage.setHeight(760);
        });
    }

    private static String subjectToken(String mail) {
        int start = mail.indexOf("Subject: ACME: ") + "Subject: ACME: ".length();
        return mail.substring(start, mail.indexOf("\r\n", start));
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

    private static String field(FxRobot robot, String id) {
        return robot.lookup("#" + id).queryAs(TextInputControl.class).getText();
    }

    private static void awaitTitle(FxRobot robot, String start) throws TimeoutException {
        awaitText(robot, WizardView.STEP_TITLE_ID, shown -> shown.startsWith(start));
    }

    private static void awaitText(FxRobot robot, String id, Predicate<String> expected) throws TimeoutException {
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> robot.lookup("#" + id).tryQuery()
                .map(AcmeWindowTest::shown).map(expected::test).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String shown(Node node) {
        if (node instanceof Label label) {
            return label.getText();
        }
        return ((TextInputControl) node).getText();
    }
}
