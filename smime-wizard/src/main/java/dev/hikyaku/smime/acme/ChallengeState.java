package dev.hikyaku.smime.acme;

/** Where the CA stands with the email-reply-00 challenge. */
public sealed interface ChallengeState {

    /** Not decided yet: the response mail is on its way or being checked. */
    record Pending() implements ChallengeState {
    }

    /** The CA accepted the response: the order can be finalized. */
    record Valid() implements ChallengeState {
    }

    /**
     * The CA refused the response; the order is dead.
     *
     * @param detail the CA's reason, cleaned for display (it comes from the network)
     */
    record Invalid(String detail) implements ChallengeState {
    }
}
