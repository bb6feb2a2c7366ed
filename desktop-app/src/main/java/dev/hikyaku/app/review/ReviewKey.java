package dev.hikyaku.app.review;

import dev.hikyaku.app.i18n.TextKey;

/** The pre-send review's texts, by their key in {@code dev/hikyaku/app/review/messages*.properties}. */
public enum ReviewKey implements TextKey {
    /** {@code window.title}. */
    WINDOW_TITLE("window.title"),
    /** {@code subject.none}. */
    SUBJECT_NONE("subject.none"),
    /** {@code heading.from}. */
    HEADING_FROM("heading.from"),
    /** {@code state.loading}. */
    STATE_LOADING("state.loading"),
    /** {@code state.planning}. */
    STATE_PLANNING("state.planning"),
    /** {@code state.held}. */
    STATE_HELD("state.held"),
    /** {@code state.awaiting}. */
    STATE_AWAITING("state.awaiting"),
    /** {@code state.overdue}. */
    STATE_OVERDUE("state.overdue"),
    /** {@code state.sending}. */
    STATE_SENDING("state.sending"),
    /** {@code state.retrying}. */
    STATE_RETRYING("state.retrying"),
    /** {@code state.sent}. */
    STATE_SENT("state.sent"),
    /** {@code state.partlySent}. */
    STATE_PARTLY_SENT("state.partlySent"),
    /** {@code state.cancelled}. */
    STATE_CANCELLED("state.cancelled"),
    /** {@code state.failed}. */
    STATE_FAILED("state.failed"),
    /** {@code state.unknown}. */
    STATE_UNKNOWN("state.unknown"),
    /** {@code countdown}. */
    COUNTDOWN("countdown"),
    /** {@code section.warnings}. */
    SECTION_WARNINGS("section.warnings"),
    /** {@code warning.noMail}. */
    WARNING_NO_MAIL("warning.noMail"),
    /** {@code warning.newDomain}. */
    WARNING_NEW_DOMAIN("warning.newDomain"),
    /** {@code warning.lookalike}. */
    WARNING_LOOKALIKE("warning.lookalike"),
    /** {@code warning.displayName}. */
    WARNING_DISPLAY_NAME("warning.displayName"),
    /** {@code warning.thread}. */
    WARNING_THREAD("warning.thread"),
    /** {@code warning.accessible}. */
    WARNING_ACCESSIBLE("warning.accessible"),
    /** {@code section.groups}. */
    SECTION_GROUPS("section.groups"),
    /** {@code group.internal}. */
    GROUP_INTERNAL("group.internal"),
    /** {@code group.external}. */
    GROUP_EXTERNAL("group.external"),
    /** {@code group.recipients}. */
    GROUP_RECIPIENTS("group.recipients"),
    /** {@code group.action}. */
    GROUP_ACTION("group.action"),
    /** {@code group.action.accessible}. */
    GROUP_ACTION_ACCESSIBLE("group.action.accessible"),
    /** {@code group.action.fixed}. */
    GROUP_ACTION_FIXED("group.action.fixed"),
    /** {@code group.level.accessible}. */
    GROUP_LEVEL_ACCESSIBLE("group.level.accessible"),
    /** {@code group.evidence}. */
    GROUP_EVIDENCE("group.evidence"),
    /** {@code group.evidence.none}. */
    GROUP_EVIDENCE_NONE("group.evidence.none"),
    /** {@code action.asIs}. */
    ACTION_AS_IS("action.asIs"),
    /** {@code action.zip}. */
    ACTION_ZIP("action.zip"),
    /** {@code action.aesZip}. */
    ACTION_AES_ZIP("action.aesZip"),
    /** {@code action.aesZipAgreed}. */
    ACTION_AES_ZIP_AGREED("action.aesZipAgreed"),
    /** {@code action.aesZipFresh}. */
    ACTION_AES_ZIP_FRESH("action.aesZipFresh"),
    /** {@code action.smime}. */
    ACTION_SMIME("action.smime"),
    /** {@code action.hold}. */
    ACTION_HOLD("action.hold"),
    /** {@code action.refuse}. */
    ACTION_REFUSE("action.refuse"),
    /** {@code section.attachments}. */
    SECTION_ATTACHMENTS("section.attachments"),
    /** {@code attachments.none}. */
    ATTACHMENTS_NONE("attachments.none"),
    /** {@code attachment.line}. */
    ATTACHMENT_LINE("attachment.line"),
    /** {@code attachment.inline}. */
    ATTACHMENT_INLINE("attachment.inline"),
    /** {@code section.confirm}. */
    SECTION_CONFIRM("section.confirm"),
    /** {@code confirm.recipient}. */
    CONFIRM_RECIPIENT("confirm.recipient"),
    /** {@code confirm.file}. */
    CONFIRM_FILE("confirm.file"),
    /** {@code confirm.done}. */
    CONFIRM_DONE("confirm.done"),
    /** {@code section.passphrase}. */
    SECTION_PASSPHRASE("section.passphrase"),
    /** {@code passphrase.line}. */
    PASSPHRASE_LINE("passphrase.line"),
    /** {@code passphrase.copy}. */
    PASSPHRASE_COPY("passphrase.copy"),
    /** {@code passphrase.copy.accessible}. */
    PASSPHRASE_COPY_ACCESSIBLE("passphrase.copy.accessible"),
    /** {@code passphrase.advice}. */
    PASSPHRASE_ADVICE("passphrase.advice"),
    /** {@code button.sendNow}. */
    BUTTON_SEND_NOW("button.sendNow"),
    /** {@code button.cancel}. */
    BUTTON_CANCEL("button.cancel"),
    /** {@code button.backToDraft}. */
    BUTTON_BACK_TO_DRAFT("button.backToDraft"),
    /** {@code button.close}. */
    BUTTON_CLOSE("button.close"),
    /** {@code draft.note}. */
    DRAFT_NOTE("draft.note"),
    /** {@code dialog.cancel.title}. */
    DIALOG_CANCEL_TITLE("dialog.cancel.title"),
    /** {@code dialog.cancel.header}. */
    DIALOG_CANCEL_HEADER("dialog.cancel.header"),
    /** {@code dialog.cancel.content}. */
    DIALOG_CANCEL_CONTENT("dialog.cancel.content"),
    /** {@code dialog.cancel.confirm}. */
    DIALOG_CANCEL_CONFIRM("dialog.cancel.confirm"),
    /** {@code dialog.keep}. */
    DIALOG_KEEP("dialog.keep"),
    /** {@code dialog.draft.title}. */
    DIALOG_DRAFT_TITLE("dialog.draft.title"),
    /** {@code dialog.draft.content}. */
    DIALOG_DRAFT_CONTENT("dialog.draft.content"),
    /** {@code dialog.draft.confirm}. */
    DIALOG_DRAFT_CONFIRM("dialog.draft.confirm"),
    /** {@code draft.chooserTitle}. */
    DRAFT_CHOOSER_TITLE("draft.chooserTitle"),
    /** {@code draft.filter}. */
    DRAFT_FILTER("draft.filter"),
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
    /** {@code problem.refused}. */
    PROBLEM_REFUSED("problem.refused"),
    /** {@code problem.failed}. */
    PROBLEM_FAILED("problem.failed"),
    /** {@code word.yes}. */
    WORD_YES("word.yes"),
    /** {@code word.no}. */
    WORD_NO("word.no"),
    /** {@code evidence.mx}. */
    EVIDENCE_MX("evidence.mx"),
    /** {@code evidence.attempt}. */
    EVIDENCE_ATTEMPT("evidence.attempt"),
    /** {@code evidence.tls}. */
    EVIDENCE_TLS("evidence.tls"),
    /** {@code evidence.certificate}. */
    EVIDENCE_CERTIFICATE("evidence.certificate"),
    /** {@code evidence.dane}. */
    EVIDENCE_DANE("evidence.dane"),
    /** {@code evidence.mtaStsCovered}. */
    EVIDENCE_MTA_STS_COVERED("evidence.mtaStsCovered"),
    /** {@code evidence.error}. */
    EVIDENCE_ERROR("evidence.error"),
    /** {@code evidence.mtaSts.policy}. */
    EVIDENCE_MTA_STS_POLICY("evidence.mtaSts.policy"),
    /** {@code evidence.mtaSts.none}. */
    EVIDENCE_MTA_STS_NONE("evidence.mtaSts.none"),
    /** {@code evidence.mtaSts.problem}. */
    EVIDENCE_MTA_STS_PROBLEM("evidence.mtaSts.problem"),
    /** {@code evidence.daneDomain}. */
    EVIDENCE_DANE_DOMAIN("evidence.daneDomain"),
    /** {@code evidence.tlsRpt}. */
    EVIDENCE_TLS_RPT("evidence.tlsRpt"),
    /** {@code evidence.checked}. */
    EVIDENCE_CHECKED("evidence.checked");

    private static final String BUNDLE = "dev.hikyaku.app.review.messages";

    private final String key;

    ReviewKey(String key) {
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
