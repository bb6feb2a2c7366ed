package dev.hikyaku.gateway;

import dev.hikyaku.advisor.certificate.TrustedCas;
import dev.hikyaku.advisor.route.AdvisorEngine;
import dev.hikyaku.advisor.route.EngineSettings;
import dev.hikyaku.advisor.store.SqliteVerdictStore;
import dev.hikyaku.gateway.archive.Archive;
import dev.hikyaku.gateway.auth.AuthGate;
import dev.hikyaku.gateway.auth.AuthOutcome;
import dev.hikyaku.gateway.auth.CredentialVault;
import dev.hikyaku.gateway.auth.Credentials;
import dev.hikyaku.gateway.auth.KeeperException;
import dev.hikyaku.gateway.auth.OsKeychain;
import dev.hikyaku.gateway.config.GatewaySettings;
import dev.hikyaku.gateway.config.UpstreamTarget;
import dev.hikyaku.gateway.delivery.UpstreamClient;
import dev.hikyaku.gateway.delivery.UpstreamSettings;
import dev.hikyaku.gateway.delivery.UpstreamUnavailableException;
import dev.hikyaku.gateway.events.EventFanout;
import dev.hikyaku.gateway.events.GatewayEvent;
import dev.hikyaku.gateway.events.GatewayListener;
import dev.hikyaku.gateway.guard.Reach;
import dev.hikyaku.gateway.guard.Reason;
import dev.hikyaku.gateway.guard.RecipientDomains;
import dev.hikyaku.gateway.guard.confirm.ConfirmItem;
import dev.hikyaku.gateway.harvest.PassingSignatures;
import dev.hikyaku.gateway.history.ArchiveFeed;
import dev.hikyaku.gateway.identity.IdentityVault;
import dev.hikyaku.gateway.identity.OsPasswordKeeper;
import dev.hikyaku.gateway.identity.UnlockRefusedException;
import dev.hikyaku.gateway.instance.InstanceLock;
import dev.hikyaku.gateway.intake.Intake;
import dev.hikyaku.gateway.intake.MessageIds;
import dev.hikyaku.gateway.mime.AnalysisLimits;
import dev.hikyaku.gateway.mime.MessageAnalyser;
import dev.hikyaku.gateway.notice.FailureNotice;
import dev.hikyaku.gateway.packaging.MessagePackager;
import dev.hikyaku.gateway.packaging.note.NoteTemplates;
import dev.hikyaku.gateway.packaging.passphrase.FileBookKey;
import dev.hikyaku.gateway.packaging.passphrase.PassphraseBook;
import dev.hikyaku.gateway.packaging.passphrase.PassphraseGenerator;
import dev.hikyaku.gateway.packaging.zip.ZipOptions;
import dev.hikyaku.gateway.plan.GroupAction;
import dev.hikyaku.gateway.plan.GroupCopies;
import dev.hikyaku.gateway.plan.MessagePlan;
import dev.hikyaku.gateway.plan.MessagePlanning;
import dev.hikyaku.gateway.plan.PlanChangeRefusedException;
import dev.hikyaku.gateway.plan.Planner;
import dev.hikyaku.gateway.queue.QueueEntry;
import dev.hikyaku.gateway.queue.QueueStore;
import dev.hikyaku.gateway.queue.QueuedMessage;
import dev.hikyaku.gateway.queue.RecipientState;
import dev.hikyaku.gateway.queue.RecipientStatus;
import dev.hikyaku.gateway.release.Dispatcher;
import dev.hikyaku.gateway.readable.ReadableForward;
import dev.hikyaku.gateway.release.Outbound;
import dev.hikyaku.gateway.sandbox.SandboxOutbox;
import dev.hikyaku.gateway.smime.CopySigner;
import dev.hikyaku.gateway.smime.GroupEncryption;
import dev.hikyaku.gateway.smime.SigningGate;
import dev.hikyaku.gateway.smime.SigningRule;
import dev.hikyaku.gateway.smime.SmimeReviewer;
import dev.hikyaku.gateway.smime.SmimeSettings;
import dev.hikyaku.gateway.smtp.AddressSyntax;
import dev.hikyaku.gateway.smtp.SmtpLimits;
import dev.hikyaku.gateway.smtp.SubmissionServer;
import dev.hikyaku.gateway.smtp.SubmissionSettings;
import dev.hikyaku.gateway.spool.Spool;
import dev.hikyaku.gateway.tls.LocalhostCertificate;
import dev.hikyaku.gateway.verdicts.VerdictBook;
import dev.hikyaku.smime.cms.SmimeEncryptor;
import dev.hikyaku.smime.cms.SmimeSigner;
import dev.hikyaku.smime.cms.SmimeVerifier;
import dev.hikyaku.smime.contacts.ContactCertificates;
import dev.hikyaku.smime.contacts.ContactStoreException;
import dev.hikyaku.smime.revocation.OnlineRevocationChecker;
import dev.hikyaku.smime.revocation.RevocationChecker;
import dev.hikyaku.smime.sources.SignedMailHarvester;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * One running gateway: the listener, the spool and queue, the dispatcher with its upstream (or the sandbox),
 * the verdicts and the archive, assembled from {@link GatewaySettings}. The one way the headless main, the app
 * and the tests start it.
 */
public final class Gateway implements AutoCloseable {
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    /** The contacts' certificate store in the data folder. */
    public static final String CONTACTS_FILE = "contacts.db";

    private final List<AutoCloseable> resources;
    private final SubmissionServer server;
    private final MessagePlanning planning;
    private final PassphraseBook passphrases;
    private final ContactCertificates contacts;
    private final Dispatcher dispatcher;
    private final QueueStore queue;
    private final Archive archive;
    private final Intake intake;
    private final LocalhostCertificate certificate;
    private final IdentityVault identities;
    private final long maxMessageBytes;
    private final int maxRecipients;

    private Gateway(List<AutoCloseable> resources, SubmissionServer server, Dispatcher dispatcher,
                    MessagePlanning planning, PassphraseBook passphrases, ContactCertificates contacts,
                    QueueStore queue, Archive archive, Intake intake, LocalhostCertificate certificate,
                    IdentityVault identities, long maxMessageBytes, int maxRecipients) {
        this.identities = identities;
        this.maxMessageBytes = maxMessageBytes;
        this.maxRecipients = maxRecipients;
        this.resources = resources;
        this.server = server;
        this.dispatcher = dispatcher;
        this.planning = planning;
        this.passphrases = passphrases;
        this.contacts = contacts;
        this.queue = queue;
        this.archive = archive;
        this.intake = intake;
        this.certificate = certificate;
    }

    /**
     * Starts a gateway. {@code advisor} says where verdict look-ups go (DNS, ports, trust); {@code listener}
     * hears every event (the app, the log).
     *
     * @throws AlreadyRunningException when another gateway of this user holds the data folder
     */
    public static Gateway start(GatewaySettings settings, EngineSettings advisor, GatewayListener listener, Clock clock)
            throws IOException {
        Path data = settings.dataDirectory();
        List<AutoCloseable> resources = new ArrayList<>();
        try {
            InstanceLock lock = InstanceLock.tryAcquire(data).orElseThrow(() -> new AlreadyRunningException(data));
            resources.add(lock);
            Spool spool = Spool.open(data.resolve("spool"));
            int unfinished = spool.discardUnfinished();
            QueueStore queue = QueueStore.open(data.resolve("queue.db"));
            resources.add(queue);
            Archive archive = Archive.open(data.resolve("archive"), clock);
            resources.add(archive);

            ExecutorService archiving = Executors.newSingleThreadExecutor(daemon("hikyaku-archive"));
            resources.add(() -> drain(archiving));
            ArchiveFeed feed = new ArchiveFeed(archive, queue, spool, archiving, clock, listener);
            GatewayListener events = new EventFanout(List.of(feed, listener));

            SqliteVerdictStore verdictStore = SqliteVerdictStore.open(data.resolve("verdicts.db"));
            resources.add(verdictStore);
            AdvisorEngine engine = new AdvisorEngine(advisor, verdictStore, clock);
            resources.add(engine);
            VerdictBook verdicts = new VerdictBook(engine.advisor());

            CredentialVault vault = vault(settings, resources, listener);
            resources.add(vault::clear);
            Outbound outbound;
            AuthGate gate;
            if (settings.upstream().isPresent()) {
                ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("hikyaku-upstream"));
                resources.add(() -> shutdown(timer));
                UpstreamClient upstream = new UpstreamClient(upstreamSettings(settings.upstream().get(), advisor.ehloName(),
                        settings.release().parallel()), clock, timer);
                resources.add(upstream);
                outbound = upstream::deliver;
                ExecutorService asker = Executors.newSingleThreadExecutor(daemon("hikyaku-upstream-ask"));
                resources.add(() -> shutdown(asker));
                gate = new UpstreamGate(upstream, asker);
            } else {
                SandboxOutbox sandbox = new SandboxOutbox(data.resolve("sandbox-outbox"), events);
                outbound = sandbox;
                gate = sandbox;
            }

            ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(daemon("hikyaku-dispatch"));
            resources.add(() -> shutdown(scheduler));
            ExecutorService workers = Executors.newFixedThreadPool(settings.release().parallel(), daemon("hikyaku-deliver"));
            resources.add(() -> shutdown(workers));
            SecureRandom random = new SecureRandom();
            MessageIds ids = new MessageIds(clock, random);
            FailureNotice notices = new FailureNotice(clock);
            Intake[] intake = new Intake[1];
            RevocationChecker revocation = OnlineRevocationChecker.choose(settings.smime().checkRevocation(),
                    Optional.of(data.resolve(SmimeSettings.CRL_CACHE)), clock);
            ContactCertificates contacts = openContacts(data, settings.smime(), revocation, clock);
            resources.add(contacts);
            GroupEncryption encryption = new GroupEncryption(contacts, new SmimeEncryptor(clock, random));
            IdentityVault identities = new IdentityVault(data, settings.smime().keychain(), OsPasswordKeeper::open,
                    events, clock);
            resources.add(identities);
            SigningRule signing = SigningRule.read(data, clock);
            ExecutorService smimeWork = Executors.newSingleThreadExecutor(daemon("hikyaku-smime"));
            resources.add(() -> shutdown(smimeWork));
            RecipientDomains domains = settings.guard().domains();
            Planner planner = new Planner(verdicts, settings.packaging(),
                    domain -> domains.reach("postmaster@" + domain) == Reach.INTERNAL,
                    address -> settings.smime().encrypt() && encryption.ready(address), clock);
            MessagePlanning planning = new MessagePlanning(queue, spool, new MessageAnalyser(), settings.guard(), planner,
                    new SmimeReviewer(spool, signing, settings.smime().forwardReadable(), new ReadableForward(),
                            identities, events, smimeWork),
                    (refused, reasons) -> sendRefusal(intake[0], notices, spool, refused, reasons, events), events, clock);
            PassphraseBook book = PassphraseBook.open(data.resolve(PassphraseBook.FILE_NAME),
                    new FileBookKey(data.resolve(FileBookKey.FILE_NAME), random), random, clock);
            MessagePackager packager = new MessagePackager(noteTemplates(data.resolve(NoteTemplates.FOLDER_NAME), events), new PassphraseGenerator(random), random,
                    clock, AnalysisLimits.DEFAULT, ZipOptions.DEFAULT);
            GroupCopies copies = new GroupCopies(queue, spool, packager, book, encryption,
                    new CopySigner(new SmimeSigner(clock)), signing, identities, events, clock);
            Dispatcher dispatcher = new Dispatcher(queue, outbound, vault, verdicts, planning, copies,
                    new SigningGate(planning::plan, identities), settings.release(), events,
                    failed -> sendNotice(intake[0], notices, spool, queue, failed, events), clock, scheduler, workers);
            resources.add(dispatcher);
            identities.onUnlock(dispatcher::wake);
            PassingSignatures harvest = new PassingSignatures(spool, new SignedMailHarvester(contacts,
                    new SmimeVerifier(anchors(settings.smime()), revocation, clock)), contacts, events,
                    smimeWork);
            intake[0] = new Intake(spool, queue, gate, vault, ids, events, message -> {
                verdicts.prefetch(message.id(), message.recipients(), events);
                dispatcher.wake();
                harvest.later(message);
            }, clock);
            identities.unlockFromKeychain();

            int orphans = removeOrphans(spool, queue);
            List<QueueEntry> waiting = queue.entries();
            vault.restore(waiting.stream().flatMap(entry -> entry.message().owner().stream()).distinct().toList());
            feed.catchUp(waiting);
            int back = dispatcher.resume();
            events.on(new GatewayEvent.Resumed(waiting.size(), back, unfinished + orphans));

            LocalhostCertificate certificate = LocalhostCertificate.loadOrCreate(data.resolve("tls"), clock);
            events.on(new GatewayEvent.ListenerCertificate(certificate.fingerprint(), certificate.createdNow()));
            List<InetSocketAddress> implicit = settings.implicitTlsPort().stream()
                    .flatMap(port -> settings.listen().addresses().stream()
                            .map(address -> new InetSocketAddress(address.getAddress(), port)))
                    .toList();
            SubmissionServer server = SubmissionServer.start(new SubmissionSettings(advisor.ehloName(),
                    settings.listen().addresses(), implicit,
                    settings.startTls() || !implicit.isEmpty() ? Optional.of(certificate.serverContext()) : Optional.empty(),
                    SmtpLimits.defaults().withMaxMessageSize(settings.maxMessageBytes())
                            .withMaxRecipients(settings.maxRecipients())), intake[0]);
            resources.add(server);
            server.plainAddresses().forEach(address -> events.on(new GatewayEvent.Listening(address, false)));
            server.implicitTlsAddresses().forEach(address -> events.on(new GatewayEvent.Listening(address, true)));
            return new Gateway(resources, server, dispatcher, planning, book, contacts, queue, archive, intake[0],
                    certificate, identities, settings.maxMessageBytes(), settings.maxRecipients());
        } catch (IOException | SQLException | RuntimeException e) {
            closeAll(resources);
            if (e instanceof IOException io) {
                throw io;
            }
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException("cannot open the verdict cache in " + data + ": " + e.getMessage(), e);
        }
    }

    /**
     * The vault for upstream passwords: memory only, or backed by the OS key store when the user opted in. A key
     * store that cannot be opened is reported and the gateway runs memory-only, as without the opt-in.
     */
    private static CredentialVault vault(GatewaySettings settings, List<AutoCloseable> resources,
                                         GatewayListener listener) {
        Optional<UpstreamTarget> upstream = settings.upstream().filter(UpstreamTarget::keychain);
        if (upstream.isEmpty()) {
            return new CredentialVault();
        }
        Consumer<KeeperException> report = problem -> listener.on(new GatewayEvent.Problem("keychain",
                problem.getMessage()));
        try {
            OsKeychain keychain = OsKeychain.open(upstream.get().hostAndPort());
            resources.add(keychain);
            return new CredentialVault(Optional.of(keychain), report);
        } catch (KeeperException e) {
            report.accept(e);
            return new CredentialVault();
        }
    }

    /** Where mail clients submit (STARTTLS offered). */
    public List<InetSocketAddress> addresses() {
        return server.plainAddresses();
    }

    /** The implicit-TLS addresses, if configured. */
    public List<InetSocketAddress> implicitTlsAddresses() {
        return server.implicitTlsAddresses();
    }

    /** The listener certificate's SHA-256 fingerprint, for the user to compare in the mail client. */
    public String certificateFingerprint() {
        return certificate.fingerprint();
    }

    /** Every queued message with each recipient's state. */
    public List<QueueEntry> queue() {
        return queue.entries();
    }

    /** The archive, for search and export. */
    public Archive archive() {
        return archive;
    }

    /** The user's "send now" for a held or overdue message; a second call does nothing. */
    public boolean sendNow(String messageId) {
        return dispatcher.sendNow(messageId);
    }

    /** The user's "cancel": whatever has not left yet stays home. Returns how many recipients were cancelled. */
    public int cancel(String messageId) {
        return dispatcher.cancel(messageId);
    }

    /** The passphrases agreed with contacts (and the fresh ones issued), encrypted at rest. */
    public PassphraseBook passphrases() {
        return passphrases;
    }

    /** Contacts' S/MIME certificates: a group whose every recipient has one is encrypted (when enabled). */
    public ContactCertificates contacts() {
        return contacts;
    }

    /** The plan of a queued message (groups, actions, fired rules, confirmations), once it is made. */
    public Optional<MessagePlan> plan(String messageId) {
        return planning.plan(messageId);
    }

    /**
     * The sender changes the action of group {@code index}; refused with {@link PlanChangeRefusedException} when
     * the policy does not allow it.
     */
    public MessagePlan choose(String messageId, int index, GroupAction action) {
        MessagePlan changed = planning.choose(messageId, index, action);
        dispatcher.replanned(messageId);
        return changed;
    }

    /** The sender ticks one recipient or attachment; once all are ticked, external mail may go. */
    public MessagePlan confirm(String messageId, ConfirmItem item, String confirmedBy) {
        MessagePlan changed = planning.confirm(messageId, item, confirmedBy);
        dispatcher.replanned(messageId);
        return changed;
    }

    /**
     * Submits a message the app composed for the user (the answer to a CA's ACME challenge, say) as a mail client
     * would: spooled, guarded, planned, archived and released through the upstream with the credentials the gateway
     * holds, or waiting for them, like any mail. The same size, recipient and address limits as the listener apply.
     *
     * @param from       the envelope sender (the user's address)
     * @param recipients the envelope recipients
     * @param message    the whole message (RFC 5322, CRLF line ends)
     * @return the queued message's id (as in {@link #queue()} and the events)
     * @throws IllegalArgumentException when an address, the recipient count or the size is not acceptable
     * @throws IOException              when the spool or the queue cannot take it
     */
    public String submitOwn(String from, List<String> recipients, byte[] message) throws IOException {
        List<String> checked = List.copyOf(recipients);
        if (checked.isEmpty() || checked.size() > maxRecipients) {
            throw new IllegalArgumentException("between 1 and " + maxRecipients + " recipients are needed");
        }
        if (message.length == 0 || message.length > maxMessageBytes) {
            throw new IllegalArgumentException("the message must have 1 to " + maxMessageBytes + " bytes");
        }
        for (String address : concat(from, checked)) {
            Optional<String> problem = AddressSyntax.problem(address, false);
            if (problem.isPresent()) {
                throw new IllegalArgumentException(problem.get());
            }
        }
        return intake.enqueueComposed(from, checked, message.clone());
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>(rest.size() + 1);
        all.add(first);
        all.addAll(rest);
        return all;
    }

    /** The password the user typed in the app, so mail queued before a restart can go. */
    public AuthOutcome enterCredentials(Credentials credentials) {
        return intake.authenticate(credentials);
    }

    /**
     * Unlocks the user's S/MIME identities with the password typed in the app (the array is wiped): mail waiting to
     * be signed, or to be made readable, goes on. With {@code remember} (or {@code smime.keychain = yes}) the OS key
     * store keeps the password for the next start; without, a password kept before is removed from it.
     *
     * @throws UnlockRefusedException with a notice in the user's language: a wrong password, or no store yet
     */
    public void unlockIdentities(char[] password, boolean remember) throws UnlockRefusedException {
        identities.unlock(password, remember);
    }

    /** Whether the S/MIME identities are unlocked. */
    public boolean identitiesUnlocked() {
        return identities.isUnlocked();
    }

    /** Locks the S/MIME identities again; mail that must be signed waits until the next unlock. */
    public void lockIdentities() {
        identities.lock();
    }

    /**
     * The sender's "send unsigned" for a message that should be signed but cannot be (the identity expired or is
     * missing); returns whether the message was waiting for that choice.
     */
    public boolean sendUnsigned(String messageId) {
        boolean changed = planning.declineSignature(messageId);
        dispatcher.replanned(messageId);
        return changed;
    }

    @Override
    public void close() {
        closeAll(resources);
    }

    /** The contacts' certificate store, judging chains against the system's roots plus {@code smime.trust-ca}. */
    private static ContactCertificates openContacts(Path data, SmimeSettings smime, RevocationChecker revocation,
                                                    Clock clock) throws IOException {
        try {
            return ContactCertificates.open(data.resolve(CONTACTS_FILE), anchors(smime), clock, revocation);
        } catch (ContactStoreException e) {
            throw new IOException(e.notice().text(Locale.ENGLISH), e);
        }
    }

    /** The system's roots plus {@code smime.trust-ca}, for contacts' and signers' certificates. */
    private static Set<TrustAnchor> anchors(SmimeSettings smime) throws IOException {
        try {
            List<X509Certificate> extra = new ArrayList<>();
            if (smime.trustCa().isPresent()) {
                extra.addAll(TrustedCas.readFile(smime.trustCa().get()));
            }
            return TrustedCas.systemPlus(extra).certificates().stream()
                    .map(root -> new TrustAnchor(root, null)).collect(Collectors.toSet());
        } catch (CertificateException e) {
            throw new IOException("the S/MIME CA file cannot be read: " + e.getMessage(), e);
        }
    }

    /** The user's edited note templates when there are any; a broken one is reported and the shipped ones used. */
    private static NoteTemplates noteTemplates(Path folder, GatewayListener events) {
        try {
            return NoteTemplates.load(folder);
        } catch (IOException e) {
            events.on(new GatewayEvent.Problem("note-templates", e.getMessage()));
            return NoteTemplates.defaults();
        }
    }

    private static void sendRefusal(Intake intake, FailureNotice notices, Spool spool, QueuedMessage refused,
                                    List<Reason> reasons, GatewayListener events) {
        if (refused.sender().isEmpty()) {
            return;
        }
        try {
            intake.enqueueOwn(refused.sender(), List.of(refused.sender()), refused.owner(),
                    out -> notices.writeRefusal(spool.path(refused.id()), refused.sender(), reasons, out));
        } catch (IOException e) {
            events.on(new GatewayEvent.Problem("refusal-notice", e.getMessage()));
        }
    }

    private static void sendNotice(Intake intake, FailureNotice notices, Spool spool, QueueStore queue,
                                   QueuedMessage original, GatewayListener events) {
        if (original.sender().isEmpty()) {
            return;
        }
        List<RecipientStatus> failed = queue.find(original.id()).map(QueueEntry::recipients).orElse(List.of()).stream()
                .filter(recipient -> recipient.state() == RecipientState.FAILED).toList();
        try {
            intake.enqueueOwn(original.sender(), List.of(original.sender()), original.owner(),
                    out -> notices.write(spool.path(original.id()), original.sender(), failed, out));
        } catch (IOException e) {
            events.on(new GatewayEvent.Problem("failure-notice", e.getMessage()));
        }
    }

    /** Spool files no queue row knows: their clients never got a 250 (or they were already finished). */
    private static int removeOrphans(Spool spool, QueueStore queue) throws IOException {
        Set<String> known = Set.copyOf(queue.entries().stream().map(entry -> entry.message().id()).toList());
        int removed = 0;
        for (String id : spool.committedIds()) {
            if (!known.contains(id)) {
                spool.delete(id);
                removed++;
            }
        }
        return removed;
    }

    private static UpstreamSettings upstreamSettings(UpstreamTarget target, String ehloName, int connections)
            throws IOException {
        List<X509Certificate> extra = new ArrayList<>();
        if (target.trustCa().isPresent()) {
            try {
                extra.addAll(TrustedCas.readFile(target.trustCa().get()));
            } catch (CertificateException e) {
                throw new IOException("cannot read " + target.trustCa().get() + ": " + e.getMessage(), e);
            }
        }
        return new UpstreamSettings(target.host(), target.port(), target.security(),
                TrustedCas.systemPlus(extra).sslContext(), UpstreamSettings.DEFAULT_CONNECT_TIMEOUT,
                UpstreamSettings.DEFAULT_READ_TIMEOUT, ehloName, connections, UpstreamSettings.DEFAULT_IDLE_TIMEOUT);
    }

    /** Lets queued archive work finish: it is what removes finished mail from the spool. */
    private static void drain(ExecutorService executor) throws InterruptedException {
        executor.shutdown();
        executor.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static void shutdown(ExecutorService executor) throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static void closeAll(List<AutoCloseable> resources) {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                // Closing goes on with the rest: each resource is independent, and the process may be exiting.
            }
        }
        resources.clear();
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger number = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * The upstream as the listener's judge of credentials. Whether it needs AUTH is learned in the background and
     * then kept; until it is known (the server is away) mail is accepted without AUTH rather than refused, since
     * the listener is loopback-only and nothing may be lost while offline.
     */
    private static final class UpstreamGate implements AuthGate {
        private static final Duration ASK_WAIT = Duration.ofSeconds(5);

        private final UpstreamClient upstream;
        private final ExecutorService asker;
        private volatile CompletableFuture<Boolean> answer;

        UpstreamGate(UpstreamClient upstream, ExecutorService asker) {
            this.upstream = upstream;
            this.asker = asker;
            this.answer = ask();
        }

        @Override
        public boolean required() {
            CompletableFuture<Boolean> current = answer;
            try {
                return current.get(ASK_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (ExecutionException | TimeoutException e) {
                if (current.isDone()) {
                    answer = ask();
                }
                return false;
            }
        }

        private CompletableFuture<Boolean> ask() {
            return CompletableFuture.supplyAsync(() -> {
                try {
                    return upstream.authenticationNeeded();
                } catch (UpstreamUnavailableException e) {
                    throw new CompletionException(e);
                }
            }, asker);
        }

        @Override
        public AuthOutcome verify(Credentials credentials) {
            return upstream.verify(credentials);
        }
    }
}
