package dev.hikyaku.app.queue;

import dev.hikyaku.app.i18n.TextKey;

/** The queue section's texts, by their key in {@code dev/hikyaku/app/queue/messages*.properties}. */
public enum QueueKey implements TextKey {
    /** {@code tab.queue}. */
    TAB_QUEUE("tab.queue"),
    /** {@code heading}. */
    HEADING("heading"),
    /** {@code empty}. */
    EMPTY("empty"),
    /** {@code notRunning}. */
    NOT_RUNNING("notRunning"),
    /** {@code group.awaiting}. */
    GROUP_AWAITING("group.awaiting"),
    /** {@code group.overdue}. */
    GROUP_OVERDUE("group.overdue"),
    /** {@code group.failed}. */
    GROUP_FAILED("group.failed"),
    /** {@code group.retrying}. */
    GROUP_RETRYING("group.retrying"),
    /** {@code group.held}. */
    GROUP_HELD("group.held"),
    /** {@code group.delivering}. */
    GROUP_DELIVERING("group.delivering"),
    /** {@code group.planning}. */
    GROUP_PLANNING("group.planning"),
    /** {@code state.awaiting}. */
    STATE_AWAITING("state.awaiting"),
    /** {@code state.overdue}. */
    STATE_OVERDUE("state.overdue"),
    /** {@code state.failed}. */
    STATE_FAILED("state.failed"),
    /** {@code state.retrying}. */
    STATE_RETRYING("state.retrying"),
    /** {@code state.held}. */
    STATE_HELD("state.held"),
    /** {@code state.delivering}. */
    STATE_DELIVERING("state.delivering"),
    /** {@code state.planning}. */
    STATE_PLANNING("state.planning"),
    /** {@code subject.none}. */
    SUBJECT_NONE("subject.none"),
    /** {@code row.line}. */
    ROW_LINE("row.line"),
    /** {@code row.held}. */
    ROW_HELD("row.held"),
    /** {@code row.now}. */
    ROW_NOW("row.now"),
    /** {@code row.overdue}. */
    ROW_OVERDUE("row.overdue"),
    /** {@code row.retrying}. */
    ROW_RETRYING("row.retrying"),
    /** {@code row.failed}. */
    ROW_FAILED("row.failed"),
    /** {@code row.awaiting}. */
    ROW_AWAITING("row.awaiting"),
    /** {@code row.planning}. */
    ROW_PLANNING("row.planning"),
    /** {@code row.accessible}. */
    ROW_ACCESSIBLE("row.accessible"),
    /** {@code button.open}. */
    BUTTON_OPEN("button.open"),
    /** {@code button.sendNow}. */
    BUTTON_SEND_NOW("button.sendNow"),
    /** {@code button.cancel}. */
    BUTTON_CANCEL("button.cancel"),
    /** {@code button.save}. */
    BUTTON_SAVE("button.save"),
    /** {@code button.open.accessible}. */
    BUTTON_OPEN_ACCESSIBLE("button.open.accessible"),
    /** {@code button.sendNow.accessible}. */
    BUTTON_SEND_NOW_ACCESSIBLE("button.sendNow.accessible"),
    /** {@code button.cancel.accessible}. */
    BUTTON_CANCEL_ACCESSIBLE("button.cancel.accessible"),
    /** {@code button.save.accessible}. */
    BUTTON_SAVE_ACCESSIBLE("button.save.accessible"),
    /** {@code result.sentNow}. */
    RESULT_SENT_NOW("result.sentNow"),
    /** {@code result.nothingToSend}. */
    RESULT_NOTHING_TO_SEND("result.nothingToSend"),
    /** {@code result.cancelled}. */
    RESULT_CANCELLED("result.cancelled"),
    /** {@code result.nothingToCancel}. */
    RESULT_NOTHING_TO_CANCEL("result.nothingToCancel"),
    /** {@code result.saved}. */
    RESULT_SAVED("result.saved"),
    /** {@code problem.noGateway}. */
    PROBLEM_NO_GATEWAY("problem.noGateway"),
    /** {@code problem.failed}. */
    PROBLEM_FAILED("problem.failed");

    private static final String BUNDLE = "dev.hikyaku.app.queue.messages";

    private final String key;

    QueueKey(String key) {
        this.key = key;
    }

    @Override
    public String bundle() {
        return BUNDLE;
    }

    @Override
    public String key() {
        return key;
    }
}
