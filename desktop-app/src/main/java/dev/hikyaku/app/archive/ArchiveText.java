package dev.hikyaku.app.archive;

import dev.hikyaku.gateway.archive.MessageState;
import dev.hikyaku.app.i18n.TextKey;

/** The archive's texts, by their key in {@code dev/hikyaku/app/archive/messages*.properties}. */
public enum ArchiveText implements TextKey {
    TAB_TITLE("tab.title"),
    SEARCH_LABEL("search.label"),
    SEARCH_PROMPT("search.prompt"),
    SEARCH_ACCESSIBLE("search.accessible"),
    FILTER_FROM("filter.from"),
    FILTER_UNTIL("filter.until"),
    FILTER_DATE_ACCESSIBLE("filter.date.accessible"),
    FILTER_DOMAIN("filter.domain"),
    FILTER_DOMAIN_PROMPT("filter.domain.prompt"),
    FILTER_LEVEL("filter.level"),
    FILTER_LEVEL_ANY("filter.level.any"),
    FILTER_CLEAR("filter.clear"),
    FILTER_CLEAR_ACCESSIBLE("filter.clear.accessible"),
    STATUS_NOT_RUNNING("status.notRunning"),
    STATUS_SEARCHING("status.searching"),
    STATUS_COUNT("status.count"),
    STATUS_MORE("status.more"),
    STATUS_FAILED("status.failed"),
    RESULTS_ACCESSIBLE("results.accessible"),
    COLUMN_RECEIVED("column.received"),
    COLUMN_FROM("column.from"),
    COLUMN_SUBJECT("column.subject"),
    COLUMN_RECIPIENTS("column.recipients"),
    COLUMN_STATE("column.state"),
    STATE_RECEIVED("state.RECEIVED"),
    STATE_IN_PROGRESS("state.IN_PROGRESS"),
    STATE_SENT("state.SENT"),
    STATE_PARTLY_SENT("state.PARTLY_SENT"),
    STATE_FAILED("state.FAILED"),
    STATE_CANCELLED("state.CANCELLED"),
    SUBJECT_NONE("subject.none"),
    DETAIL_PLACEHOLDER("detail.placeholder"),
    DETAIL_LOADING("detail.loading"),
    DETAIL_FROM("detail.from"),
    DETAIL_RECEIVED("detail.received"),
    DETAIL_CANCELLED("detail.cancelled"),
    DETAIL_RECIPIENTS("detail.recipients"),
    DETAIL_ATTACHMENTS("detail.attachments"),
    DETAIL_NO_ATTACHMENTS("detail.noAttachments"),
    DETAIL_RULES("detail.rules"),
    DETAIL_COPIES("detail.copies"),
    RECIPIENT_STATUS("recipient.status"),
    RECIPIENT_ROUTE("recipient.route"),
    RECIPIENT_NO_VERDICT("recipient.noVerdict"),
    RECIPIENT_SENT_AS("recipient.sentAs"),
    RECIPIENT_SENT_AS_SUBMITTED("recipient.sentAsSubmitted"),
    RECIPIENT_PLANNED("recipient.planned"),
    DELIVERY_LINE("delivery.line"),
    DELIVERY_SENT("delivery.sent"),
    DELIVERY_DEFERRED("delivery.deferred"),
    DELIVERY_FAILED("delivery.failed"),
    DELIVERY_CANCELLED("delivery.cancelled"),
    DELIVERY_PENDING("delivery.pending"),
    ATTACHMENT_LINE("attachment.line"),
    ATTACHMENT_INLINE("attachment.inline"),
    ATTACHMENT_UNNAMED("attachment.unnamed"),
    SIZE_BYTES("size.bytes"),
    SIZE_KILOBYTES("size.kilobytes"),
    SIZE_MEGABYTES("size.megabytes"),
    COPY_LINE("copy.line"),
    EXPORT_ORIGINAL("export.original"),
    EXPORT_ORIGINAL_ACCESSIBLE("export.original.accessible"),
    EXPORT_VARIANT("export.variant"),
    EXPORT_VARIANT_ACCESSIBLE("export.variant.accessible"),
    EXPORT_TITLE("export.title"),
    EXPORT_FILTER("export.filter"),
    EXPORT_DONE("export.done"),
    EXPORT_FAILED("export.failed");

    private static final String BUNDLE = "dev.hikyaku.app.archive.messages";

    private final String key;

    ArchiveText(String key) {
        this.key = key;
    }

    /** The word for where a message stands. */
    public static ArchiveText state(MessageState state) {
        return valueOf("STATE_" + state.name());
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
