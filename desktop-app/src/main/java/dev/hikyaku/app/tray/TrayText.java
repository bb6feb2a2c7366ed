package dev.hikyaku.app.tray;

import dev.hikyaku.app.i18n.TextKey;

/** The tray icon's texts and notifications, by their key in {@code dev/hikyaku/app/tray/messages*.properties}. */
public enum TrayText implements TextKey {
    /** The tray icon's tooltip; {0} is the status, {1} the held count. */
    TOOLTIP("tooltip"),
    /** A status. */
    STATUS_STARTING("status.starting"),
    /** A status; {0} is host:port. */
    STATUS_RUNNING("status.running"),
    /** A status. */
    STATUS_PAUSED("status.paused"),
    /** A status. */
    STATUS_ELSEWHERE("status.elsewhere"),
    /** A status. */
    STATUS_PROBLEM("status.problem"),
    /** The held count menu line; {0} is the count. */
    HELD_COUNT("held.count"),
    /** A menu item. */
    OPEN("open"),
    /** A menu item. */
    PAUSE("pause"),
    /** A menu item. */
    RESUME("resume"),
    /** A menu item. */
    QUIT("quit"),
    /** A notification title. */
    HELD_TITLE("held.title"),
    /** A notification; {0} is when it leaves. */
    HELD_BODY("held.body"),
    /** A notification title. */
    AWAITING_TITLE("awaiting.title"),
    /** A notification; {0} is a count. */
    AWAITING_BODY("awaiting.body"),
    /** A notification title. */
    OVERDUE_TITLE("overdue.title"),
    /** A notification. */
    OVERDUE_BODY("overdue.body"),
    /** A notification title. */
    REFUSED_TITLE("refused.title"),
    /** A notification; {0} lists the rules. */
    REFUSED_BODY("refused.body"),
    /** A notification title. */
    FAILED_TITLE("failed.title"),
    /** A notification; {0} is a count, {1} the reason. */
    FAILED_BODY("failed.body"),
    /** A notification title. */
    CREDENTIALS_TITLE("credentials.title"),
    /** A notification; {0} is the user. */
    CREDENTIALS_BODY("credentials.body"),
    /** A notification title. */
    PROBLEM_TITLE("problem.title"),
    /** A notification; {0} is what, {1} the detail. */
    PROBLEM_BODY("problem.body");

    private final String key;

    TrayText(String key) {
        this.key = key;
    }

    @Override
    public String bundle() {
        return "dev.hikyaku.app.tray.messages";
    }

    @Override
    public String key() {
        return key;
    }
}
