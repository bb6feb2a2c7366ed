package dev.hikyaku.smime.cms;

import dev.hikyaku.smime.text.Notice;
import java.util.Locale;

/** An S/MIME operation that could not be done, with a message for the user in Japanese or English. */
public final class SmimeException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Notice notice;

    /** A failure described by the notice, caused by {@code cause} (may be null). */
    public SmimeException(Notice notice, Throwable cause) {
        super(notice.text(Locale.ENGLISH), cause);
        this.notice = notice;
    }

    /** What to tell the user. */
    public Notice notice() {
        return notice;
    }
}
