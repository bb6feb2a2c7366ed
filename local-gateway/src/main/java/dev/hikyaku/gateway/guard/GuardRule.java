package dev.hikyaku.gateway.guard;

import java.util.Arrays;
import java.util.Optional;

/**
 * The guard rules, in the fixed order they are evaluated and reported: refusals first (a refused message
 * skips every later rule), then forced Bcc (it changes who sees whom), confirmation (of the recipients as
 * they will be sent), and last the timing rules, hold and staged delivery.
 */
public enum GuardRule {
    /** Refuse at certain hours or on certain weekdays. */
    REFUSE_TIME("refuse.time"),
    /** Refuse by sender. */
    REFUSE_SENDER("refuse.sender"),
    /** Refuse mail to listed domains or addresses. */
    REFUSE_RECIPIENTS("refuse.recipients"),
    /** Refuse messages over a size. */
    REFUSE_SIZE("refuse.size"),
    /** Refuse messages with too many attached files. */
    REFUSE_ATTACHMENTS("refuse.attachments"),
    /** Refuse messages with a keyword. */
    REFUSE_KEYWORDS("refuse.keywords"),
    /** Refuse bodies with too many telephone numbers. */
    REFUSE_PHONES("refuse.phones"),
    /** Refuse bodies with too many postal addresses. */
    REFUSE_POSTAL("refuse.postal"),
    /** Move many external To/Cc addresses to Bcc. */
    FORCE_BCC("force-bcc"),
    /** Tick each external recipient and attached file. */
    CONFIRM("confirm"),
    /** Keep mail back for a while. */
    HOLD("hold"),
    /** Internal recipients first, external ones later. */
    STAGE("stage");

    private final String id;

    GuardRule(String id) {
        this.id = id;
    }

    /** The stable id recorded in plans and archives, such as {@code refuse.time}. */
    public String id() {
        return id;
    }

    /** The configuration key that switches this rule on, such as {@code guard.refuse.time}. */
    public String switchKey() {
        return "guard." + id;
    }

    /** Whether a firing of this rule refuses the message. */
    public boolean refuses() {
        return compareTo(FORCE_BCC) < 0;
    }

    /** The rule with the given id, if there is one. */
    public static Optional<GuardRule> byId(String id) {
        return Arrays.stream(values()).filter(rule -> rule.id.equals(id)).findFirst();
    }
}
