package dev.hikyaku.gateway.plan;

import dev.hikyaku.advisor.verdict.Level;
import dev.hikyaku.gateway.events.GatewayEvent;
import dev.hikyaku.gateway.events.GatewayListener;
import dev.hikyaku.gateway.guard.ForceBccRule.BccMode;
import dev.hikyaku.gateway.guard.GuardEffect;
import dev.hikyaku.gateway.guard.Reason;
import dev.hikyaku.gateway.identity.IdentityVault;
import dev.hikyaku.gateway.packaging.HeaderTreatment;
import dev.hikyaku.gateway.packaging.MessagePackager;
import dev.hikyaku.gateway.packaging.PackagingAction;
import dev.hikyaku.gateway.packaging.PackagingException;
import dev.hikyaku.gateway.packaging.PackagingResult;
import dev.hikyaku.gateway.packaging.PassphraseSource;
import dev.hikyaku.gateway.packaging.passphrase.AgreedPassphrase;
import dev.hikyaku.gateway.packaging.passphrase.Contact;
import dev.hikyaku.gateway.packaging.passphrase.Passphrase;
import dev.hikyaku.gateway.packaging.passphrase.PassphraseBook;
import dev.hikyaku.gateway.queue.QueueStore;
import dev.hikyaku.gateway.queue.QueuedMessage;
import dev.hikyaku.gateway.release.CopyMaker;
import dev.hikyaku.gateway.smime.CopySigner;
import dev.hikyaku.gateway.smime.EncryptionRefusedException;
import dev.hikyaku.gateway.smime.GroupEncryption;
import dev.hikyaku.gateway.smime.SigningRule;
import dev.hikyaku.gateway.smime.SmimeReviewer;
import dev.hikyaku.gateway.spool.Spool;
import dev.hikyaku.gateway.text.GatewayText;
import dev.hikyaku.smime.cms.Credential;
import dev.hikyaku.smime.identity.Identity;
import dev.hikyaku.smime.identity.IdentityStore;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Makes each recipient group's copy as its plan says: the submitted file when nothing changes, else a packaged
 * copy (zip, AES zip behind a note, forced-Bcc headers, then the user's signature, then S/MIME encryption), made from
 * the readable copy for a readable forward, and kept in the spool until the message is finished, so a retry sends the
 * very same bytes and a fresh passphrase is made once.
 */
public final class GroupCopies implements CopyMaker {
    private final QueueStore queue;
    private final Spool spool;
    private final MessagePackager packager;
    private final PassphraseBook book;
    private final GroupEncryption encryption;
    private final CopySigner signer;
    private final SigningRule signing;
    private final IdentityVault identities;
    private final GatewayListener events;
    private final Clock clock;

    /**
     * Copies of messages in {@code spool}, packaged by {@code packager}, with agreed passphrases from {@code book},
     * signed by {@code signer} with the identity {@code signing} picks from the unlocked store in {@code identities}.
     */
    public GroupCopies(QueueStore queue, Spool spool, MessagePackager packager, PassphraseBook book,
                       GroupEncryption encryption, CopySigner signer, SigningRule signing, IdentityVault identities,
                       GatewayListener events, Clock clock) {
        this.queue = queue;
        this.spool = spool;
        this.packager = packager;
        this.book = book;
        this.encryption = encryption;
        this.signer = signer;
        this.signing = signing;
        this.identities = identities;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public synchronized Copies prepare(QueuedMessage message, List<String> recipients) {
        Optional<MessagePlan> stored = queue.plan(message.id()).map(MessagePlanJson::read);
        if (stored.isEmpty() || stored.get().sendPlan().groups().isEmpty()) {
            // Hikyaku's own notices (and mail queued before plans existed) go as submitted.
            return new Copies(List.of(new Copy("as-submitted", spool.path(message.id()), recipients, false)), Map.of());
        }
        MessagePlan plan = stored.get();
        Security security;
        try {
            Optional<Security> found = security(message, plan.smime(), recipients);
            if (found.isEmpty()) {
                return waitingCopies(message, plan.smime(), recipients);
            }
            security = found.get();
        } catch (IOException e) {
            Map<String, String> failed = new LinkedHashMap<>();
            recipients.forEach(recipient -> failed.put(recipient, "the readable copy cannot be read: " + e.getMessage()));
            return new Copies(List.of(), failed);
        }
        List<Copy> copies = new ArrayList<>();
        Map<String, String> failed = new LinkedHashMap<>();
        List<RecipientGroup> groups = plan.sendPlan().groups();
        for (int index = 0; index < groups.size(); index++) {
            RecipientGroup group = groups.get(index);
            List<String> members = group.recipients().stream().filter(recipients::contains).toList();
            for (Part part : parts(index, group, members, plan.forceBcc())) {
                make(message, group, part, security, copies, failed);
            }
        }
        return new Copies(copies, failed);
    }

    /** Where every copy of a message starts from, and who signs it. */
    private record Security(Path source, Optional<Credential> signer) {
    }

    /** The message's source and signer; empty while the signer is not at hand (locked store, expired identity). */
    private Optional<Security> security(QueuedMessage message, SmimeHandling smime, List<String> recipients)
            throws IOException {
        Path source = spool.path(message.id());
        if (smime.forward() == SmimeHandling.Forward.READABLE) {
            source = spool.copies(message.id()).resolve(SmimeReviewer.READABLE_FILE);
            if (!Files.isRegularFile(source)) {
                // Never the encrypted original instead: the plan was raised for the readable content.
                throw new IOException("the readable copy of the forward is missing");
            }
        }
        if (smime.signing() != SmimeHandling.Signing.SIGN) {
            return Optional.of(new Security(source, Optional.empty()));
        }
        Optional<Credential> signer = identities.store().flatMap(store -> signing.signer(store, smime.signAs()))
                .map(Identity::credential);
        return signer.isEmpty() ? Optional.empty() : Optional.of(new Security(source, signer));
    }

    /** No signer: a locked store waits for the unlock, an identity expired since the plan waits for the sender. */
    private Copies waitingCopies(QueuedMessage message, SmimeHandling smime, List<String> recipients) {
        Map<String, String> reasons = new LinkedHashMap<>();
        Optional<IdentityStore> store = identities.store();
        if (store.isEmpty()) {
            identities.announceLocked(message.id(), smime.signAs());
            recipients.forEach(recipient -> reasons.put(recipient, "waiting for the S/MIME identities to be unlocked"));
            return new Copies(List.of(), Map.of(), Map.of(), reasons);
        }
        Reason why = signing.whyNot(store.get(), smime.signAs());
        String reason = why.render(Locale.JAPANESE) + " / " + why.render(Locale.ENGLISH);
        recipients.forEach(recipient -> reasons.put(recipient, reason));
        events.on(new GatewayEvent.SignatureUnavailable(message.id(), smime.signAs(), reason));
        return new Copies(List.of(), Map.of(), reasons, Map.of());
    }

    /** One copy to be made: who gets it, with which headers, under which label, with which passphrase. */
    private record Part(String label, List<String> recipients, HeaderTreatment headers,
                        Optional<AgreedPassphrase> agreed) {
    }

    private List<Part> parts(int index, RecipientGroup group, List<String> members,
                             Optional<GuardEffect.ForceBcc> forceBcc) {
        List<Part> byHeaders = new ArrayList<>();
        if (members.isEmpty()) {
            return byHeaders;
        }
        String label = "g" + index;
        if (forceBcc.isEmpty()) {
            byHeaders.add(new Part(label, members, new HeaderTreatment.AsWritten(), Optional.empty()));
        } else {
            Set<String> moved = new HashSet<>(forceBcc.get().moved());
            List<String> shared = new ArrayList<>();
            int single = 0;
            for (String member : members) {
                if (forceBcc.get().mode() == BccMode.PER_RECIPIENT && moved.contains(member)) {
                    byHeaders.add(new Part(label + "-r" + single++, List.of(member),
                            new HeaderTreatment.PerRecipient(member, moved), Optional.empty()));
                } else {
                    shared.add(member);
                }
            }
            if (!shared.isEmpty()) {
                byHeaders.add(new Part(label, shared, new HeaderTreatment.BccOnly(moved), Optional.empty()));
            }
        }
        if (!(group.action() instanceof GroupAction.AesZip)) {
            return byHeaders;
        }
        // Recipients with different agreed passphrases (their own, their domain's, none) need different zips.
        List<Part> byPassphrase = new ArrayList<>();
        for (Part part : byHeaders) {
            Map<String, List<String>> byContact = new LinkedHashMap<>();
            Map<String, Optional<AgreedPassphrase>> agreedOf = new LinkedHashMap<>();
            for (String recipient : part.recipients()) {
                Optional<AgreedPassphrase> agreed = book.lookup(recipient);
                String key = agreed.map(found -> found.contact().kind() + ":" + found.contact().value()).orElse("");
                byContact.computeIfAbsent(key, unused -> new ArrayList<>()).add(recipient);
                agreedOf.putIfAbsent(key, agreed);
            }
            int n = 0;
            for (Map.Entry<String, List<String>> entry : byContact.entrySet()) {
                String passphraseLabel = byContact.size() == 1 ? part.label() : part.label() + "-p" + n++;
                byPassphrase.add(new Part(passphraseLabel, entry.getValue(), part.headers(), agreedOf.get(entry.getKey())));
            }
        }
        return byPassphrase;
    }

    private void make(QueuedMessage message, RecipientGroup group, Part part, Security security, List<Copy> copies,
                      Map<String, String> failed) {
        boolean authenticated = group.level() == Level.AUTHENTICATED;
        boolean encrypt = group.action() instanceof GroupAction.SmimeEncrypt;
        Optional<PackagingAction> action = encrypt ? Optional.of(new PackagingAction.AsIs())
                : action(group.action(), part.agreed());
        if (action.isEmpty()) {
            part.recipients().forEach(recipient -> failed.put(recipient, unavailable(group.action())));
            return;
        }
        boolean unchanged = action.get() instanceof PackagingAction.AsIs && part.headers() instanceof HeaderTreatment.AsWritten;
        if (unchanged && !encrypt && security.signer().isEmpty() && security.source().equals(spool.path(message.id()))) {
            copies.add(new Copy(part.label(), security.source(), part.recipients(), authenticated));
            return;
        }
        try {
            Path file = spool.copies(message.id()).resolve(part.label() + ".eml");
            if (!Files.exists(file)) {
                build(message, group, part, action.get(), unchanged, encrypt, security, file);
            }
            copies.add(new Copy(part.label(), file, part.recipients(), authenticated));
        } catch (EncryptionRefusedException e) {
            part.recipients().forEach(recipient -> failed.put(recipient, e.getMessage()));
        } catch (PackagingException e) {
            String reason = e.message(Locale.JAPANESE) + " / " + e.message(Locale.ENGLISH);
            part.recipients().forEach(recipient -> failed.put(recipient, reason));
        } catch (IOException e) {
            String reason = "the copy could not be written: " + e.getMessage();
            part.recipients().forEach(recipient -> failed.put(recipient, reason));
        }
    }

    /**
     * Packaging (headers, zip, AES zip) first, then the signature, then S/MIME encryption (sign-then-encrypt), each
     * step into a file of its own next to the copy; the copy appears only once every step is done.
     */
    private void build(QueuedMessage message, RecipientGroup group, Part part, PackagingAction action,
                       boolean unchanged, boolean encrypt, Security security, Path file)
            throws IOException, PackagingException, EncryptionRefusedException {
        List<Path> steps = new ArrayList<>();
        try {
            Path current = security.source();
            if (!unchanged) {
                Path packed = step(file, "packed", steps);
                PackagingResult result = packager.pack(current, action, part.headers(), packed);
                if (result instanceof PackagingResult.Zipped zipped && zipped.passphraseForSender().isPresent()) {
                    keepFresh(zipped.passphraseForSender().get(), part.recipients());
                    events.on(new GatewayEvent.PassphraseIssued(message.id(), part.recipients()));
                }
                current = packed;
            }
            if (security.signer().isPresent()) {
                Path signed = step(file, "signed", steps);
                signer.sign(current, security.signer().get(), signed);
                current = signed;
            }
            if (encrypt) {
                Path encrypted = step(file, "encrypted", steps);
                encryption.write(current, message.sender(), part.recipients(), encrypted);
                current = encrypted;
            }
            move(current, file);
        } finally {
            for (Path step : steps) {
                Files.deleteIfExists(step);
            }
        }
        String name = ActionName.of(group.action()) + (security.signer().isPresent() ? "+signed" : "");
        events.on(new GatewayEvent.Packaged(message.id(), part.label(), part.recipients(), name, file));
    }

    private static Path step(Path file, String name, List<Path> steps) throws IOException {
        Path step = file.resolveSibling(file.getFileName() + "." + name + ".part");
        Files.deleteIfExists(step);
        steps.add(step);
        return step;
    }

    private static void move(Path partial, Path file) throws IOException {
        try {
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * A fresh passphrase becomes the one agreed with each recipient: the sender tells it once, and the next zip
     * to them opens with the same one.
     */
    private void keepFresh(Passphrase passphrase, List<String> recipients) throws IOException {
        char[] chars = passphrase.chars();
        try {
            String hint = "phone/chat " + LocalDate.now(clock);
            for (String recipient : recipients) {
                book.put(Contact.address(recipient), chars, hint);
            }
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    private static Optional<PackagingAction> action(GroupAction action, Optional<AgreedPassphrase> agreed) {
        if (action instanceof GroupAction.AsIs) {
            return Optional.of(new PackagingAction.AsIs());
        }
        if (action instanceof GroupAction.PlainZip) {
            return Optional.of(new PackagingAction.PlainZip());
        }
        if (action instanceof GroupAction.AesZip aes) {
            if (agreed.isPresent() && aes.passphrase() != GroupAction.Passphrase.FRESH) {
                return Optional.of(new PackagingAction.AesZip(PassphraseSource.Agreed.from(agreed.get())));
            }
            if (aes.passphrase() == GroupAction.Passphrase.AGREED) {
                return Optional.empty();
            }
            return Optional.of(new PackagingAction.AesZip(new PassphraseSource.Fresh()));
        }
        return Optional.empty();
    }

    /** Why the planned action cannot be carried out, in both languages (the detail is shown as stored). */
    private static String unavailable(GroupAction action) {
        String key = action instanceof GroupAction.AesZip ? "plan.noAgreedPassphrase" : "plan.actionUnavailable";
        return GatewayText.bilingual(key, ActionName.of(action));
    }
}
