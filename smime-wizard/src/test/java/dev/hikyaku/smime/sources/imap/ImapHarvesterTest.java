package dev.hikyaku.smime.sources.imap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.hikyaku.smime.cms.SignatureFormat;
import dev.hikyaku.smime.cms.SmimeVerifier;
import dev.hikyaku.smime.contacts.ContactCertificates;
import dev.hikyaku.smime.revocation.RevocationChecker;
import dev.hikyaku.smime.sources.SignedMailHarvester;
import dev.hikyaku.smime.sources.SignedMessages;
import dev.hikyaku.smime.sources.SourceReport;
import dev.hikyaku.smime.text.Notice;
import dev.hikyaku.testworld.ca.FixtureCa;
import dev.hikyaku.testworld.ca.Issued;
import dev.hikyaku.testworld.ca.Signer;
import jakarta.mail.Flags;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.security.cert.TrustAnchor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The read-only harvester against GreenMail, a real IMAP server on loopback. */
class ImapHarvesterTest {
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String ALICE = "alice@example.test";
    private static final String CAROL = "carol@example.test";
    private static final String DAVE = "dave@example.test";

    private final FixtureCa ca = FixtureCa.create(CLOCK);
    private final Issued alice = ca.issue(ca.smimeSpec(ALICE).withSigner(Signer.INTERMEDIATE));
    private final Issued carol = ca.issue(ca.smimeSpec(CAROL).withFreshKey());
    private final Issued dave = ca.issue(ca.smimeSpec(DAVE).withFreshKey());
    private final SignedMessages messages = new SignedMessages(CLOCK);

    @TempDir
    Path directory;

    private GreenMail server;
    private GreenMailUser bob;
    private ContactCertificates contacts;
    private ImapHarvester harvester;
    private ImapAccount account;

    @BeforeEach
    void start() throws Exception {
        server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort());
        server.start();
        bob = server.setUser("bob@example.test", "bob", "correct horse");
        Set<TrustAnchor> anchors = Set.of(new TrustAnchor(ca.root(), null));
        contacts = ContactCertificates.open(directory.resolve("contacts.db"), anchors, CLOCK);
        SmimeVerifier verifier = new SmimeVerifier(anchors, RevocationChecker.offline(), CLOCK);
        harvester = new ImapHarvester(new SignedMailHarvester(contacts, verifier),
                ScanState.open(directory.resolve("imap-scan.properties")),
                (SSLSocketFactory) SSLSocketFactory.getDefault(), Duration.ofSeconds(20));
        account = new ImapAccount("127.0.0.1", server.getImap().getPort(), ImapSecurity.PLAIN_LOOPBACK_ONLY, "bob");
    }

    @AfterEach
    void stop() throws Exception {
        contacts.close();
        server.stop();
    }

    @Test
    void signersOfSignedMailAreKeptAndTheMailboxIsLeftAsItWas() throws Exception {
        MailFolder inbox = inbox();
        append(inbox, messages.signed(alice, ALICE, "quote", SignatureFormat.DETACHED), new Flags());
        append(inbox, messages.plain(ALICE, "lunch?"), new Flags());
        Flags seenAndFlagged = new Flags(Flags.Flag.SEEN);
        seenAndFlagged.add(Flags.Flag.FLAGGED);
        append(inbox, messages.signed(carol, CAROL, "contract", SignatureFormat.OPAQUE), seenAndFlagged);
        append(inbox, messages.brokenSignature(DAVE, "broken"), new Flags());
        List<Flags> before = flags(inbox);
        List<int[]> progress = new ArrayList<>();

        List<FolderScan> scans = harvester.scan(account, password(), List.of("INBOX"),
                (folder, done, total) -> progress.add(new int[] {done, total}));

        FolderScan scan = scans.get(0);
        assertEquals(Optional.empty(), scan.problem());
        assertEquals(4, scan.examined());
        assertEquals(3, scan.reports().size(), "the plain message is left on the server: the search skipped it");
        assertEquals(2, scan.added());
        assertEquals(List.of(ALICE, CAROL), contacts.addresses());
        assertTrue(contacts.all(ALICE).get(0).trusted());
        SourceReport broken = scan.reports().stream().filter(r -> !r.problems().isEmpty()).findFirst().orElseThrow();
        assertEquals(List.of(Notice.of("verify.unreadable")), broken.problems());
        assertArrayEquals(new int[] {3, 3}, progress.get(progress.size() - 1));
        assertEquals(before, flags(inbox), "no flag changed, \\Seen included");
        assertFalse(inbox.getMessages().get(0).isSet(Flags.Flag.SEEN));
    }

    @Test
    void theNextScanReadsOnlyWhatArrivedSince() throws Exception {
        MailFolder inbox = inbox();
        append(inbox, messages.signed(alice, ALICE, "one", SignatureFormat.DETACHED), new Flags());
        assertEquals(1, harvester.scan(account, password(), List.of("INBOX"), HarvestProgress.none()).get(0).examined());

        append(inbox, messages.signed(dave, DAVE, "two", SignatureFormat.DETACHED), new Flags());
        FolderScan second = harvester.scan(account, password(), List.of("INBOX"), HarvestProgress.none()).get(0);
        FolderScan third = harvester.scan(account, password(), List.of("INBOX"), HarvestProgress.none()).get(0);

        assertEquals(1, second.examined());
        assertEquals(1, second.added());
        assertEquals(0, third.examined());
        assertEquals(List.of(ALICE, DAVE), contacts.addresses());
    }

    @Test
    void aRecreatedFolderWithANewUidValidityIsReadAgain() throws Exception {
        ImapHostManager folders = server.getManagers().getImapHostManager();
        MailFolder archive = folders.createMailbox(bob, "Archive");
        append(archive, messages.signed(alice, ALICE, "old", SignatureFormat.DETACHED), new Flags());
        assertEquals(1, harvester.scan(account, password(), List.of("Archive"), HarvestProgress.none()).get(0).examined());

        folders.deleteMailbox(bob, "Archive");
        // GreenMail takes UIDVALIDITY from the clock's seconds, as many servers do: recreate in a later second.
        while (System.currentTimeMillis() / 1000 == archive.getUidValidity()) {
            Thread.sleep(50);
        }
        MailFolder recreated = folders.createMailbox(bob, "Archive");
        append(recreated, messages.signed(carol, CAROL, "new", SignatureFormat.DETACHED), new Flags());
        append(recreated, messages.signed(dave, DAVE, "newer", SignatureFormat.DETACHED), new Flags());
        FolderScan again = harvester.scan(account, password(), List.of("Archive"), HarvestProgress.none()).get(0);

        assertTrue(archive.getUidValidity() != recreated.getUidValidity());
        assertEquals(2, again.examined(), "UIDs restart at 1 under a new UIDVALIDITY and must not be skipped");
        assertEquals(List.of(ALICE, CAROL, DAVE), contacts.addresses());
    }

    @Test
    void aWrongPasswordIsAClearErrorAndThePasswordIsWipedAfterTheLogin() throws Exception {
        char[][] handed = new char[1][];
        ImapPassword wrong = ignored -> {
            handed[0] = "wrong".toCharArray();
            return handed[0];
        };

        ImapHarvestException failure = assertThrows(ImapHarvestException.class,
                () -> harvester.scan(account, wrong, List.of("INBOX"), HarvestProgress.none()));

        assertEquals("sources.imap.loginFailed", failure.notice().key());
        assertArrayEquals(new char[5], handed[0]);
    }

    @Test
    void aMissingFolderIsReportedAndTheOthersAreStillScanned() throws Exception {
        append(inbox(), messages.signed(alice, ALICE, "one", SignatureFormat.DETACHED), new Flags());

        List<FolderScan> scans = harvester.scan(account, password(), List.of("Nope", "INBOX"), HarvestProgress.none());

        assertEquals(Optional.of(Notice.of("sources.imap.noFolder", "Nope")), scans.get(0).problem());
        assertEquals(1, scans.get(1).added());
    }

    @Test
    void theFoldersToChooseFromAreListed() throws Exception {
        server.getManagers().getImapHostManager().createMailbox(bob, "Archive");

        List<String> folders = harvester.folders(account, password());

        assertTrue(folders.contains("INBOX") && folders.contains("Archive"), folders.toString());
    }

    @Test
    void plainTextIsRefusedToAnythingButLoopbackBeforeConnecting() {
        ImapAccount remote = new ImapAccount("192.0.2.1", 143, ImapSecurity.PLAIN_LOOPBACK_ONLY, "bob");

        ImapHarvestException failure = assertThrows(ImapHarvestException.class,
                () -> harvester.scan(remote, password(), List.of("INBOX"), HarvestProgress.none()));

        assertEquals("sources.imap.plainRefused", failure.notice().key());
    }

    private static ImapPassword password() {
        return ignored -> "correct horse".toCharArray();
    }

    private MailFolder inbox() throws Exception {
        return server.getManagers().getImapHostManager().getInbox(bob);
    }

    private static void append(MailFolder folder, MimeMessage message, Flags flags) {
        folder.appendMessage(message, flags, new Date());
    }

    private static List<Flags> flags(MailFolder folder) {
        return folder.getMessages().stream().map(StoredMessage::getFlags).map(Flags::new).toList();
    }
}
