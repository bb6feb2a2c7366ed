package dev.hikyaku.smime.sources.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.hikyaku.smime.cms.SignatureFormat;
import dev.hikyaku.smime.cms.SmimeVerifier;
import dev.hikyaku.smime.contacts.ContactCertificates;
import dev.hikyaku.smime.revocation.RevocationChecker;
import dev.hikyaku.smime.sources.SignedMailHarvester;
import dev.hikyaku.smime.sources.SignedMessages;
import dev.hikyaku.testworld.ca.FixtureCa;
import dev.hikyaku.testworld.ca.Issued;
import jakarta.mail.Flags;
import java.nio.file.Path;
import java.security.cert.TrustAnchor;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harvester over implicit TLS to GreenMail's IMAPS on loopback, presenting a fixture CA's certificate. */
class ImapsHarvesterTest {
    private static final Clock CLOCK = Clock.systemUTC();
    private static final String KEYSTORE_FILE = "greenmail.tls.keystore.file";
    private static final String KEYSTORE_PASSWORD = "greenmail.tls.keystore.password";

    private final FixtureCa ca = FixtureCa.create(CLOCK);
    private final Issued alice = ca.smime("alice@example.test");

    @TempDir
    Path directory;

    private GreenMail server;
    private GreenMailUser bob;
    private ContactCertificates contacts;

    @BeforeEach
    void start() throws Exception {
        Path keystore = ca.server("127.0.0.1").writePkcs12(directory.resolve("imaps.p12"), "changeit".toCharArray());
        // GreenMail takes its TLS key only from these JVM-wide properties, read as connections come in; they are
        // cleared after each test, and surefire runs this module's test classes one after the other.
        System.setProperty(KEYSTORE_FILE, keystore.toString());
        System.setProperty(KEYSTORE_PASSWORD, "changeit");
        server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAPS).dynamicPort());
        server.start();
        bob = server.setUser("bob@example.test", "bob", "correct horse");
        contacts = ContactCertificates.open(directory.resolve("contacts.db"), Set.of(new TrustAnchor(ca.root(), null)), CLOCK);
    }

    @AfterEach
    void stop() throws Exception {
        System.clearProperty(KEYSTORE_FILE);
        System.clearProperty(KEYSTORE_PASSWORD);
        contacts.close();
        server.stop();
    }

    @Test
    void aServerWithATrustedCertificateIsReadOverTls() throws Exception {
        server.getManagers().getImapHostManager().getInbox(bob).appendMessage(
                new SignedMessages(CLOCK).signed(alice, "alice@example.test", "quote", SignatureFormat.DETACHED),
                new Flags(), new Date());

        List<FolderScan> scans = harvester(ca.clientContext().getSocketFactory())
                .scan(account(), ignored -> "correct horse".toCharArray(), List.of("INBOX"), HarvestProgress.none());

        assertEquals(1, scans.get(0).added());
    }

    @Test
    void aServerWhoseCertificateIsNotTrustedIsRefused() {
        ImapHarvester strangerTrusting = harvester(FixtureCa.create(CLOCK).clientContext().getSocketFactory());

        ImapHarvestException failure = assertThrows(ImapHarvestException.class, () -> strangerTrusting.scan(account(),
                ignored -> "correct horse".toCharArray(), List.of("INBOX"), HarvestProgress.none()));

        assertEquals("sources.imap.unreachable", failure.notice().key());
    }

    private ImapAccount account() {
        return new ImapAccount("127.0.0.1", server.getImaps().getPort(), ImapSecurity.IMPLICIT_TLS, "bob");
    }

    private ImapHarvester harvester(SSLSocketFactory tls) {
        SmimeVerifier verifier = new SmimeVerifier(Set.of(new TrustAnchor(ca.root(), null)), RevocationChecker.offline(), CLOCK);
        return new ImapHarvester(new SignedMailHarvester(contacts, verifier),
                ScanState.open(directory.resolve("scan.properties")), tls, Duration.ofSeconds(20));
    }
}
