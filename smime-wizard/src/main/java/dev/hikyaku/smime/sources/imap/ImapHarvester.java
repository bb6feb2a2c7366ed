package dev.hikyaku.smime.sources.imap;

import dev.hikyaku.smime.contacts.ContactStoreException;
import dev.hikyaku.smime.sources.SignedMailHarvester;
import dev.hikyaku.smime.sources.SourceReport;
import dev.hikyaku.smime.text.Notice;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.HeaderTerm;
import jakarta.mail.search.OrTerm;
import jakarta.mail.search.SearchTerm;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import javax.net.ssl.SSLSocketFactory;
import org.eclipse.angus.mail.imap.IMAPMessage;

/**
 * Reads the user's own mailbox, read-only, for signed mail and keeps the signers' certificates (opt-in: the app
 * runs it only when the user asked). Folders are opened with EXAMINE and messages fetched with BODY.PEEK, so no
 * flag changes (\Seen stays as it was). The server is asked to search the new messages for signed-looking
 * Content-Types, so a large mailbox is not downloaded; each scan starts after the highest UID of the last one.
 * The password is asked for each scan and wiped after the login; nothing here writes it anywhere.
 */
public final class ImapHarvester {
    /** Messages larger than this are skipped, as the gateway refuses them too. */
    public static final long MAX_MESSAGE_BYTES = 64L * 1024 * 1024;
    private static final SearchTerm SIGNED_LOOKING = new OrTerm(new SearchTerm[] {
        new HeaderTerm("Content-Type", "multipart/signed"),
        new HeaderTerm("Content-Type", "pkcs7-mime")
    });

    private final SignedMailHarvester harvester;
    private final ScanState state;
    private final SSLSocketFactory tls;
    private final Duration timeout;

    /**
     * A harvester.
     *
     * @param harvester verifies messages and offers their signers' certificates
     * @param state     where each folder's last scan stopped
     * @param tls       the TLS client to connect with (trusting the system's roots, or a test CA)
     * @param timeout   how long connecting and each read may take
     */
    public ImapHarvester(SignedMailHarvester harvester, ScanState state, SSLSocketFactory tls, Duration timeout) {
        this.harvester = harvester;
        this.state = state;
        this.tls = tls;
        this.timeout = timeout;
    }

    /**
     * Scans the folders for signed mail received since the last scan.
     *
     * @param folders  the folders' full names, e.g. {@code INBOX}
     * @param progress told about each message read
     * @throws ImapHarvestException when the server cannot be reached or the login fails
     */
    public List<FolderScan> scan(ImapAccount account, ImapPassword password, List<String> folders,
            HarvestProgress progress) throws ImapHarvestException, ContactStoreException {
        try (Store store = store(account)) {
            connect(store, account, password);
            List<FolderScan> scans = new ArrayList<>();
            for (String name : folders) {
                scans.add(scanFolder(store, account, name, progress));
            }
            return scans;
        } catch (MessagingException e) {
            throw new ImapHarvestException(Notice.of("sources.imap.lost", account.host()), e);
        }
    }

    /**
     * The mailbox's folders that hold messages, by full name, for the user to choose which to scan.
     *
     * @throws ImapHarvestException when the server cannot be reached or the login fails
     */
    public List<String> folders(ImapAccount account, ImapPassword password) throws ImapHarvestException {
        try (Store store = store(account)) {
            connect(store, account, password);
            List<String> names = new ArrayList<>();
            for (Folder folder : store.getDefaultFolder().list("*")) {
                if ((folder.getType() & Folder.HOLDS_MESSAGES) != 0) {
                    names.add(folder.getFullName());
                }
            }
            return names;
        } catch (MessagingException e) {
            throw new ImapHarvestException(Notice.of("sources.imap.lost", account.host()), e);
        }
    }

    private Store store(ImapAccount account) throws ImapHarvestException, MessagingException {
        if (account.security() == ImapSecurity.PLAIN_LOOPBACK_ONLY && !loopback(account.host())) {
            throw new ImapHarvestException(Notice.of("sources.imap.plainRefused", account.host()), null);
        }
        return Session.getInstance(properties(account))
                .getStore(account.security() == ImapSecurity.IMPLICIT_TLS ? "imaps" : "imap");
    }

    private static void connect(Store store, ImapAccount account, ImapPassword password) throws ImapHarvestException {
        char[] secret = password.password(account);
        try {
            // Jakarta Mail takes the password only as a String; it lives no longer than this login.
            store.connect(account.host(), account.port(), account.user(), new String(secret));
        } catch (AuthenticationFailedException e) {
            throw new ImapHarvestException(Notice.of("sources.imap.loginFailed", account.user(), account.host()), e);
        } catch (MessagingException e) {
            throw new ImapHarvestException(Notice.of("sources.imap.unreachable", account.host(), account.port()), e);
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    private FolderScan scanFolder(Store store, ImapAccount account, String name, HarvestProgress progress)
            throws MessagingException, ContactStoreException {
        Folder folder = store.getFolder(name);
        if (!folder.exists()) {
            return new FolderScan(name, 0, List.of(), Optional.of(Notice.of("sources.imap.noFolder", name)));
        }
        folder.open(Folder.READ_ONLY);
        try {
            UIDFolder uids = (UIDFolder) folder;
            long validity = uids.getUIDValidity();
            long after = state.mark(account.key(), name)
                    .filter(mark -> mark.uidValidity() == validity)
                    .map(ScanState.Mark::lastUid)
                    .orElse(0L);
            // "n:*" always includes the highest UID, even when it is below n, hence the filter.
            List<Message> fresh = new ArrayList<>();
            long highest = after;
            for (Message message : uids.getMessagesByUID(after + 1, UIDFolder.LASTUID)) {
                long uid = uids.getUID(message);
                if (uid > after) {
                    fresh.add(message);
                    highest = Math.max(highest, uid);
                }
            }
            List<SourceReport> reports = new ArrayList<>();
            if (!fresh.isEmpty()) {
                Message[] candidates = folder.search(SIGNED_LOOKING, fresh.toArray(Message[]::new));
                FetchProfile profile = new FetchProfile();
                profile.add(UIDFolder.FetchProfileItem.UID);
                profile.add(FetchProfile.Item.SIZE);
                folder.fetch(candidates, profile);
                for (int i = 0; i < candidates.length; i++) {
                    reports.add(read(candidates[i], name + " UID " + uids.getUID(candidates[i])));
                    progress.progress(name, i + 1, candidates.length);
                }
            }
            try {
                state.remember(account.key(), name, new ScanState.Mark(validity, highest));
            } catch (IOException e) {
                return new FolderScan(name, fresh.size(), reports, Optional.of(Notice.of("sources.imap.stateNotSaved")));
            }
            return new FolderScan(name, fresh.size(), reports, Optional.empty());
        } finally {
            folder.close(false);
        }
    }

    private SourceReport read(Message message, String item) throws MessagingException, ContactStoreException {
        if (message.getSize() > MAX_MESSAGE_BYTES) {
            return SourceReport.failed(item, Notice.of("sources.imap.tooLarge", item));
        }
        if (message instanceof IMAPMessage imap) {
            imap.setPeek(true);
        }
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        MimeMessage local;
        try {
            message.writeTo(copy);
            // A copy, so the signed bytes are exactly the server's and nothing more is fetched while verifying.
            local = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(copy.toByteArray()));
        } catch (IOException | MessagingException e) {
            return SourceReport.failed(item, Notice.of("sources.messageUnreadable"));
        }
        return harvester.harvest(item, local);
    }

    private Properties properties(ImapAccount account) {
        String prefix = account.security() == ImapSecurity.IMPLICIT_TLS ? "mail.imaps." : "mail.imap.";
        Properties properties = new Properties();
        String millis = Long.toString(timeout.toMillis());
        properties.setProperty(prefix + "connectiontimeout", millis);
        properties.setProperty(prefix + "timeout", millis);
        properties.setProperty(prefix + "writetimeout", millis);
        // Belt and braces with READ_ONLY: a server that sets \Seen on FETCH BODY[] in an examined folder still won't.
        properties.setProperty(prefix + "peek", "true");
        if (account.security() != ImapSecurity.PLAIN_LOOPBACK_ONLY) {
            properties.put(prefix + "ssl.socketFactory", tls);
            properties.setProperty(prefix + "ssl.checkserveridentity", "true");
        }
        if (account.security() == ImapSecurity.STARTTLS) {
            properties.setProperty(prefix + "starttls.enable", "true");
            properties.setProperty(prefix + "starttls.required", "true");
        }
        if (account.security() == ImapSecurity.IMPLICIT_TLS) {
            properties.setProperty(prefix + "ssl.enable", "true");
        }
        return properties;
    }

    private static boolean loopback(String host) {
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (!address.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
