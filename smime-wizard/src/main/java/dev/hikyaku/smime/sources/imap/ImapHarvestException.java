package dev.hikyaku.smime.sources.imap;

import dev.hikyaku.smime.text.Notice;
import java.util.Locale;

/** The mailbox could not be reached or logged in to, with a message for the user. */
public final class ImapHarvestException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Notice notice;

    /** A failure described by the notice, caused by {@code cause}. */
    public ImapHarvestException(Notice notice, Throwable cause) {
        super(notice.text(Locale.ENGLISH), cause);
        this.notice = notice;
    }

    /** What to tell the user. */
    public Notice notice() {
        return notice;
    }
}
