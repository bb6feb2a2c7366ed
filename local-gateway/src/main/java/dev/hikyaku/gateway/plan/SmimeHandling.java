package dev.hikyaku.gateway.plan;

import dev.hikyaku.gateway.guard.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What S/MIME does to a whole message besides encrypting groups: whether every copy is signed with the user's
 * identity, and whether encrypted content the user's keys open is forwarded readable. Decided once the identity
 * store is unlocked (when the message needs it), and kept in the plan with the reasons the review window shows.
 *
 * @param signing what happens about the signature
 * @param signAs  the address whose identity signs ({@code ""} when nothing is signed)
 * @param forward what happened to encrypted content in the message
 * @param notes   why, for the sender (e.g. "no key opens the attached message: it goes as submitted")
 */
public record SmimeHandling(Signing signing, String signAs, Forward forward, List<Reason> notes) {

    /** The signature of the copies. */
    public enum Signing {
        /** Not signed: smime.conf says no, another sender, or the message is signed already. */
        NONE,
        /** Every copy is signed with the store's identity for {@code signAs}. */
        SIGN,
        /** It should be signed but no identity can sign now: the message waits for the sender. */
        UNAVAILABLE,
        /** It should have been signed; the sender chose to send it unsigned. */
        DECLINED
    }

    /** Encrypted content in the message (a forward of encrypted mail). */
    public enum Forward {
        /** None, or the forward-readable switch is off. */
        NONE,
        /** Decrypted with the user's keys: the readable copy is what gets packaged, never as-is or as a plain zip. */
        READABLE,
        /** No key of the user opens it: it goes as submitted. */
        UNREADABLE
    }

    /** Validated, with an unmodifiable list. */
    public SmimeHandling {
        Objects.requireNonNull(signing, "signing");
        Objects.requireNonNull(signAs, "signAs");
        Objects.requireNonNull(forward, "forward");
        notes = List.copyOf(notes);
    }

    /** Nothing to do. */
    public static SmimeHandling none() {
        return new SmimeHandling(Signing.NONE, "", Forward.NONE, List.of());
    }

    /** Whether the message waits for the sender because of its signature. */
    public boolean awaitsSender() {
        return signing == Signing.UNAVAILABLE;
    }

    /** The same handling with the sender's "send unsigned" and a note saying so. */
    public SmimeHandling declined() {
        List<Reason> more = new ArrayList<>(notes);
        more.add(Reason.of("smime.note.declined", signAs));
        return new SmimeHandling(Signing.DECLINED, signAs, forward, more);
    }
}
