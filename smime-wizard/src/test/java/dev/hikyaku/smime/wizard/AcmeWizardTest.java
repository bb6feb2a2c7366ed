package dev.hikyaku.smime.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.smime.acme.ResponseSender;
import dev.hikyaku.smime.baseline.Severity;
import dev.hikyaku.smime.identity.Identity;
import dev.hikyaku.smime.request.KeyAlgorithm;
import dev.hikyaku.smime.text.Notice;
import dev.hikyaku.testworld.acme.AcmeWorld;
import dev.hikyaku.testworld.smtp.MxBehaviour;
import dev.hikyaku.testworld.smtp.MxServer;
import dev.hikyaku.testworld.smtp.ReceivedMessage;
import dev.hikyaku.testworld.time.ShiftedClock;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ACME for S/MIME path against a real ACME server on loopback ({@link AcmeWorld}): the challenge mail arrives in
 * the user's mailbox (an SMTP server the test reads), the response goes out by real SMTP to the CA's.
 */
class AcmeWizardTest {
    private static final String ALICE = "alice@example.test";

    @TempDir
    Path directory;

    private final ShiftedClock clock = new ShiftedClock();
    private WizardWorld world;
    private MxServer mailbox;
    private AcmeWorld acme;

    @BeforeEach
    void world() throws Exception {
        world = new WizardWorld(directory, clock);
        mailbox = MxServer.start(MxBehaviour.plain());
        acme = AcmeWorld.start(world.ca, mailbox.address());
    }

    @AfterEach
    void close() {
        acme.close();
        mailbox.close();
    }

    @Test
    void fromDirectoryUrlToTheInstallStep() throws Exception {
        Wizard wizard = Wizard.open(world.setup(Optional.empty(), smtpTo(acme.responseServer())));

        StepResult chosen = wizard.submit(new WizardInput.Choose(ALICE, "Alice", new PathChoice.Acme(acme.directory())));
        WizardStep.AcmeTerms terms = assertInstanceOf(WizardStep.AcmeTerms.class, chosen.step(), chosen.problems().toString());
        assertEquals(Optional.of(acme.termsOfService()), terms.termsOfService());

        StepResult ordered = wizard.submit(new WizardInput.AgreeToTerms(KeyAlgorithm.RSA_2048));
        WizardStep.AcmeChallenge challenge = assertInstanceOf(WizardStep.AcmeChallenge.class, ordered.step(),
                ordered.problems().toString());
        assertEquals(AcmeWorld.CHALLENGE_SENDER, challenge.order().expectedSender());
        assertTrue(challenge.request().startsWith("-----BEGIN CERTIFICATE REQUEST-----"));
        String accountKey = Files.readString(world.data.resolve(Wizard.ACME_ACCOUNT_KEY_FILE));
        assertTrue(accountKey.contains("ENCRYPTED PRIVATE KEY") && !accountKey.contains("BEGIN PRIVATE KEY"));

        StepResult answered = wizard.submit(new WizardInput.ChallengeMessage(challengeMail()));
        assertInstanceOf(WizardStep.AcmeValidation.class, answered.step(), answered.problems().toString());
        assertEquals(List.of(new Problem(Notice.of("acme.challenge.unsigned"), Severity.WARNING)), answered.problems());
        ReceivedMessage response = acme.responseMails().get(0);
        assertEquals(List.of(AcmeWorld.CHALLENGE_SENDER), response.recipients());
        assertEquals(ALICE, response.envelopeFrom());
        assertTrue(response.text().contains("In-Reply-To: <challenge-1@ca.fixture.test>"), response.text());
        String token = subjectToken(challengeMail());
        assertTrue(response.text().contains("Subject: Re: ACME: " + token), response.text());
        assertTrue(response.text().contains(acme.expectedDigest(token).orElseThrow()), response.text());

        StepResult issued = wizard.submit(new WizardInput.Poll());
        WizardStep.Install install = assertInstanceOf(WizardStep.Install.class, issued.step(), issued.problems().toString());
        Identity identity = world.setup(Optional.empty()).identities().all().stream()
                .filter(candidate -> candidate.fingerprint().equals(install.fingerprint())).findFirst().orElseThrow();
        assertTrue(identity.certificate().names(ALICE));
        assertFalse(Files.exists(world.data.resolve(Wizard.ACME_ACCOUNT_KEY_FILE)), "the account key is not needed now");
        assertFalse(Files.exists(world.data.resolve(Wizard.PENDING_KEY_FILE)), "the key lives in the identity store now");
    }

    @Test
    void aChallengeMailThatIsNotForThisOrderIsRefused() throws Exception {
        Wizard wizard = atChallenge(smtpTo(acme.responseServer()));
        String mail = new String(challengeMail(), StandardCharsets.US_ASCII);

        assertEquals(List.of(Notice.of("acme.challenge.wrongRecipient", ALICE)), notices(wizard.submit(
                new WizardInput.ChallengeMessage(bytes(mail.replace("To: <" + ALICE + ">", "To: <bob@example.test>"))))));
        assertEquals(List.of(Notice.of("acme.challenge.wrongSender", AcmeWorld.CHALLENGE_SENDER)), notices(wizard.submit(
                new WizardInput.ChallengeMessage(bytes(mail.replace("<" + AcmeWorld.CHALLENGE_SENDER + ">",
                        "<acme@phish.example>"))))));
        assertEquals(List.of(Notice.of("acme.challenge.notAcme")), notices(wizard.submit(
                new WizardInput.ChallengeMessage(bytes(mail.replace("Auto-Submitted: auto-generated; type=acme\r\n", ""))))));
        assertEquals(List.of(Notice.of("acme.challenge.notAcme")), notices(wizard.submit(
                new WizardInput.ChallengeMessage(bytes("From: a@b.test\r\nSubject: hello\r\n\r\nhi\r\n")))));
        assertEquals(List.of(Notice.of("acme.challenge.notAcme")), notices(wizard.submit(
                new WizardInput.ChallengeMessage(new byte[] {0, (byte) 0xff, '\r', '\n', ':', 0x7f}))));
        assertInstanceOf(WizardStep.AcmeChallenge.class, wizard.current());
        assertTrue(acme.responseMails().isEmpty(), "nothing was answered");
    }

    @Test
    void theCaRefusingTheResponseIsExplained() throws Exception {
        Wizard wizard = atChallenge(smtpTo(acme.responseServer()));
        acme.refuseResponses("the response mail has no valid DKIM signature");
        assertInstanceOf(WizardStep.AcmeValidation.class,
                wizard.submit(new WizardInput.ChallengeMessage(challengeMail())).step());

        StepResult polled = wizard.submit(new WizardInput.Poll());
        assertEquals(List.of(Notice.of("acme.responseRefused", "the response mail has no valid DKIM signature")),
                notices(polled));
        assertFalse(polled.accepted());
        assertInstanceOf(WizardStep.AcmeValidation.class, wizard.current());
        String shown = notices(polled).get(0).text(Locale.JAPANESE);
        assertTrue(shown.contains("DKIM") && shown.contains("受け付けませんでした"), shown);
    }

    @Test
    void aResponseThatNeverArrivesEndsInATimeoutNotAHang() throws Exception {
        // The response goes astray (to the user's own mailbox instead of the CA), so the CA never decides.
        Wizard wizard = atChallenge(smtpTo(mailbox.address()));
        assertInstanceOf(WizardStep.AcmeValidation.class,
                wizard.submit(new WizardInput.ChallengeMessage(challengeMail())).step());

        StepResult waiting = wizard.submit(new WizardInput.Poll());
        assertTrue(waiting.accepted());
        assertEquals("acme.waiting", notices(waiting).get(0).key());
        clock.advance(WizardWorld.ACME_PATIENCE.plusMinutes(1));
        StepResult late = wizard.submit(new WizardInput.Poll());
        assertEquals(List.of(Notice.of("acme.timeout", WizardWorld.ACME_PATIENCE.plusMinutes(1).toMinutes())), notices(late));
    }

    @Test
    void aServerThatIsDownOrABadUrlIsExplained() throws Exception {
        Wizard wizard = Wizard.open(world.setup(Optional.empty()));
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        URI down = URI.create("http://127.0.0.1:" + closed + "/directory");
        assertEquals(List.of(Notice.of("acme.unreachable")), notices(wizard.submit(
                new WizardInput.Choose(ALICE, "", new PathChoice.Acme(down)))));
        assertEquals("acme.badUrl", notices(wizard.submit(new WizardInput.Choose(ALICE, "",
                new PathChoice.Acme(URI.create("http://ca.example.test/directory"))))).get(0).key());
        // A URL on the CA that is not its directory: the CA's own answer is shown.
        assertEquals("acme.refused", notices(wizard.submit(new WizardInput.Choose(ALICE, "",
                new PathChoice.Acme(acme.directory().resolve("/nothing-here"))))).get(0).key());
        assertInstanceOf(WizardStep.ChoosePath.class, wizard.current());
    }

    @Test
    void aRestartMidChallengeResumesWithTheSameOrderAndAccount() throws Exception {
        ResponseSender sender = smtpTo(acme.responseServer());
        Wizard first = atChallenge(sender);
        WizardStep waiting = first.current();

        Wizard resumed = Wizard.open(world.setup(Optional.empty(), sender));
        assertEquals(waiting, resumed.current());
        assertInstanceOf(WizardStep.AcmeValidation.class,
                resumed.submit(new WizardInput.ChallengeMessage(challengeMail())).step());
        Wizard again = Wizard.open(world.setup(Optional.empty(), sender));
        StepResult issued = again.submit(new WizardInput.Poll());
        assertInstanceOf(WizardStep.Install.class, issued.step(), issued.problems().toString());
    }

    private Wizard atChallenge(ResponseSender sender) throws Exception {
        Wizard wizard = Wizard.open(world.setup(Optional.empty(), sender));
        wizard.submit(new WizardInput.Choose(ALICE, "", new PathChoice.Acme(acme.directory())));
        StepResult ordered = wizard.submit(new WizardInput.AgreeToTerms(KeyAlgorithm.RSA_2048));
        assertInstanceOf(WizardStep.AcmeChallenge.class, ordered.step(), ordered.problems().toString());
        return wizard;
    }

    /** The challenge mail as it sits in the user's mailbox. */
    private byte[] challengeMail() {
        List<ReceivedMessage> received = mailbox.messages();
        assertEquals(1, received.size(), "one challenge mail");
        assertEquals(List.of(ALICE), received.get(0).recipients());
        return received.get(0).raw();
    }

    private static String subjectToken(byte[] mail) {
        String text = new String(mail, StandardCharsets.US_ASCII);
        int start = text.indexOf("Subject: ACME: ") + "Subject: ACME: ".length();
        return text.substring(start, text.indexOf("\r\n", start));
    }

    /** Submits over real SMTP on loopback, as the gateway would. */
    private static ResponseSender smtpTo(InetSocketAddress server) {
        return (from, recipients, message) -> {
            Properties properties = new Properties();
            properties.setProperty("mail.smtp.host", server.getHostString());
            properties.setProperty("mail.smtp.port", Integer.toString(server.getPort()));
            properties.setProperty("mail.smtp.from", from);
            properties.setProperty("mail.smtp.connectiontimeout", "10000");
            properties.setProperty("mail.smtp.timeout", "10000");
            Session session = Session.getInstance(properties);
            try (Transport transport = session.getTransport("smtp")) {
                transport.connect();
                transport.sendMessage(new MimeMessage(session, new ByteArrayInputStream(message)),
                        recipients.stream().map(address -> {
                            try {
                                return new InternetAddress(address);
                            } catch (jakarta.mail.internet.AddressException e) {
                                throw new IllegalArgumentException(e);
                            }
                        }).toArray(InternetAddress[]::new));
            } catch (jakarta.mail.MessagingException e) {
                throw new IOException(e);
            }
        };
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static List<Notice> notices(StepResult result) {
        return result.problems().stream().map(Problem::notice).toList();
    }
}
