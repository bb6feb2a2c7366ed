package dev.hikyaku.gateway.plan;

import dev.hikyaku.advisor.verdict.Level;
import dev.hikyaku.gateway.events.GatewayEvent;
import dev.hikyaku.gateway.events.GatewayListener;
import dev.hikyaku.gateway.guard.ForceBccRule.BccMode;
import dev.hikyaku.gateway.guard.GuardEffect;
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
import dev.hikyaku.gateway.smime.EncryptionRefusedException;
import dev.hikyaku.gateway.smime.GroupEncryption;
import dev.hikyaku.gateway.spool.Spool;
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
 * copy (zip, AES zip behind a note, S/MIME, forced-Bcc headers) kept in the spool until the message is finished, so a
 * retry sends the very same bytes and a fresh passphrase is made once.
 */
public final class GroupCopies implements CopyMaker {
    private final QueueStore queue;
    private final Spool spool;
    private final MessagePackager packager;
    private final PassphraseBook book;
    private final GroupEncryption encryption;
    private final GatewayListener events;
    private final Clock clock;

    /** Copies of messages in {@code spool}, packaged by {@code packager}, with agreed passphrases from {@code book}. */
    public GroupCopies(QueueStore queue, Spool spool, MessagePackager packager, PassphraseBook book,
                       GroupEncryption encryption, GatewayListener events, Clock clock) {
        this.queue = queue;
        this.spool = spool;
        this.packager = packager;
        this.book = book;
        this.encryption = encryption;
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
        List<Copy> copies = new ArrayList<>();
        Map<String, String> failed = new LinkedHashMap<>();
        List<RecipientGroup> groups = plan.sendPlan().groups();
        for (int index = 0; index < groups.size(); index++) {
            RecipientGroup group = groups.get(index);
            List<String> members = group.recipients().stream().filter(recipients::contains).toList();
            for (Part part : parts(index, group, members, plan.forceBcc())) {
                make(message, group, part, copies, failed);
            }
        }
        return new Copies(copies, failed);
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

    private void make(QueuedMessage message, RecipientGroup group, Part part, List<Copy> copies,
                      Map<String, String> failed) {
        boolean authenticated = group.level() == Level.AUTHENTICATED;
        if (group.action() instanceof GroupAction.SmimeEncrypt) {
            encrypt(message, group, part, authenticated, copies, failed);
            return;
        }
        Optional<PackagingAction> action = action(group.action(), part.agreed());
        if (action.isEmpty()) {
            part.recipients().forEach(recipient -> failed.put(recipient, unavailable(group.action())));
            return;
        }
        if (action.get() instanceof PackagingAction.AsIs && part.headers() instanceof HeaderTreatment.AsWritten) {
            copies.add(new Copy(part.label(), spool.path(message.id()), part.recipients(), authenticated));
            return;
        }
        try {
            Path folder = spool.copies(message.id());
            Path file = folder.resolve(part.label() + ".eml");
            if (!Files.exists(file)) {
                pack(message, group, part, action.get(), file);
            }
            copies.add(new Copy(part.label(), file, part.recipients(), authenticated));
        } catch (PackagingException e) {
            String reason = e.message(Locale.JAPANESE) + " / " + e.message(Locale.ENGLISH);
            part.recipients().forEach(recipient -> failed.put(recipient, reason));
        } catch (IOException e) {
            String reason = "the copy could not be written: " + e.getMessage();
            part.recipients().forEach(recipient -> failed.put(recipient, reason));
        }
    }

    private void encrypt(QueuedMessage message, RecipientGroup group, Part part, boolean authenticated,
                         List<Copy> copies, Map<String, String> failed) {
        try {
            Path file = spool.copies(message.id()).resolve(part.label() + ".eml");
            if (!Files.exists(file)) {
                Path partial = file.resolveSibling(file.getFileName() + ".part");
                Files.deleteIfExists(partial);
                Path headed = file.resolveSibling(part.label() + ".headers");
                Files.deleteIfExists(headed);
                try {
                    Path source = spool.path(message.id());
                    if (!(part.headers() instanceof HeaderTreatment.AsWritten)) {
                        // Forced Bcc first, so the encrypted copy shows the same headers as any other.
                        packager.pack(source, new PackagingAction.AsIs(), part.headers(), headed);
                        source = headed;
                    }
                    encryption.write(source, message.sender(), part.recipients(), partial);
                } finally {
                    Files.deleteIfExists(headed);
                }
                move(partial, file);
                events.on(new GatewayEvent.Packaged(message.id(), part.label(), part.recipients(),
                        ActionName.of(group.action()), file));
            }
            copies.add(new Copy(part.label(), file, part.recipients(), authenticated));
        } catch (EncryptionRefusedException e) {
            part.recipients().forEach(recipient -> failed.put(recipient, e.getMessage()));
        } catch (PackagingException e) {
            String reason = e.message(Locale.JAPANESE) + " / " + e.message(Locale.ENGLISH);
            part.recipients().forEach(recipient -> failed.put(recipient, reason));
        } catch (IOException e) {
            String reason = "the encrypted copy could not be written: " + e.getMessage();
            part.recipients().forEach(recipient -> failed.put(recipient, reason));
        }
    }

    private static void move(Path partial, Path file) throws IOException {
        try {
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private void pack(QueuedMessage message, RecipientGroup group, Part part, PackagingAction action, Path file)
            throws IOException, PackagingException {
        Path partial = file.resolveSibling(file.getFileName() + ".part");
        Files.deleteIfExists(partial);
        PackagingResult result = packager.pack(spool.path(message.id()), action, part.headers(), partial);
        if (result instanceof PackagingResult.Zipped zipped && zipped.passphraseForSender().isPresent()) {
            keepFresh(zipped.passphraseForSender().get(), part.recipients());
            events.on(new GatewayEvent.PassphraseIssued(message.id(), part.recipients()));
        }
        move(partial, file);
        events.on(new GatewayEvent.Packaged(message.id(), part.label(), part.recipients(),
                ActionName.of(group.action()), file));
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

    private static String unavailable(GroupAction action) {
        if (action instanceof GroupAction.AesZip) {
            return "no passphrase has been agreed with this recipient; add one in Hikyaku and send again";
        }
        return "the planned action " + ActionName.of(action) + " cannot be carried out";
    }
}
