package dev.hikyaku.smime.contacts;

import dev.hikyaku.smime.text.Notice;
import java.util.Locale;

/** The contact certificate database could not be opened or written, with a message for the user. */
public final class ContactStoreException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Notice notice;

    /** A failure described by the notice, caused by {@code cause}. */
    public ContactStoreException(Notice notice, Throwable cause) {
        super(notice.text(Locale.ENGLISH), cause);
        this.notice = notice;
    }

    /** What to tell the user. */
    public Notice notice() {
        return notice;
    }
}
