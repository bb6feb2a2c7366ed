package dev.hikyaku.gateway.smime;

import dev.hikyaku.gateway.events.GatewayEvent;
import dev.hikyaku.gateway.events.GatewayListener;
import dev.hikyaku.gateway.guard.Reason;
import dev.hikyaku.gateway.identity.IdentityVault;
import dev.hikyaku.gateway.plan.SmimeHandling;
import dev.hikyaku.gateway.plan.SmimeReview;
import dev.hikyaku.gateway.queue.QueuedMessage;
import dev.hikyaku.gateway.readable.ReadableForward;
import dev.hikyaku.gateway.spool.Spool;
import dev.hikyaku.smime.identity.Identity;
import dev.hikyaku.smime.identity.IdentityStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Decides, while a message is planned, whether its copies are signed and whether encrypted content in it is made
 * readable for the new recipients. When that needs the user's keys and the identity store is locked, the message is
 * not planned until the store is unlocked (the app hears {@link GatewayEvent.IdentityLocked} and asks).
 */
public final class SmimeReviewer implements SmimeReview {
    /** The readable copy's name among a message's copies in the spool. */
    public static final String READABLE_FILE = "readable.eml";

    private final Spool spool;
    private final SigningRule signing;
    private final boolean forwardReadable;
    private final ReadableForward readable;
    private final IdentityVault identities;
    private final GatewayListener events;
    private final Executor executor;

    /** A reviewer; decryption runs on {@code executor}, never on the SMTP or the unlocking thread. */
    public SmimeReviewer(Spool spool, SigningRule signing, boolean forwardReadable, ReadableForward readable,
                         IdentityVault identities, GatewayListener events, Executor executor) {
        this.spool = spool;
        this.signing = signing;
        this.forwardReadable = forwardReadable;
        this.readable = readable;
        this.identities = identities;
        this.events = events;
        this.executor = executor;
    }

    @Override
    public CompletableFuture<SmimeHandling> review(QueuedMessage message) {
        Path file = spool.path(message.id());
        Optional<String> signAs;
        boolean encrypted;
        try {
            signAs = signing.signAs(message.sender(), file);
            encrypted = forwardReadable && readable.containsEncrypted(file);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
        if (signAs.isEmpty() && !encrypted) {
            return CompletableFuture.completedFuture(SmimeHandling.none());
        }
        if (!identities.isUnlocked()) {
            identities.announceLocked(message.id(), signAs.orElse(message.sender()));
        }
        return identities.whenUnlocked().thenApplyAsync(store -> decide(message, file, signAs, encrypted, store),
                executor);
    }

    private SmimeHandling decide(QueuedMessage message, Path file, Optional<String> signAs, boolean encrypted,
                                 IdentityStore store) {
        List<Reason> notes = new ArrayList<>();
        SmimeHandling.Signing signature = SmimeHandling.Signing.NONE;
        if (signAs.isPresent()) {
            Optional<Identity> signer = signing.signer(store, signAs.get());
            if (signer.isPresent()) {
                signature = SmimeHandling.Signing.SIGN;
                notes.add(Reason.of("smime.note.signed", signAs.get()));
            } else {
                signature = SmimeHandling.Signing.UNAVAILABLE;
                notes.add(signing.whyNot(store, signAs.get()));
            }
        }
        SmimeHandling.Forward forward = SmimeHandling.Forward.NONE;
        if (encrypted) {
            try {
                ReadableForward.Outcome outcome = readable.decrypt(file, store,
                        spool.copies(message.id()).resolve(READABLE_FILE));
                forward = outcome.forward();
                outcome.note().ifPresent(notes::add);
            } catch (IOException e) {
                events.on(new GatewayEvent.Problem("forward-readable", e.getMessage()));
                forward = SmimeHandling.Forward.UNREADABLE;
                notes.add(Reason.of("smime.note.unreadable", String.valueOf(e.getMessage())));
            }
        }
        return new SmimeHandling(signature, signAs.orElse(""), forward, notes);
    }
}
