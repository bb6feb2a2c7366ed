package dev.hikyaku.smime.identity;

import dev.hikyaku.smime.text.Notice;
import java.util.Locale;

/** The identity store or a PKCS#12 file could not be read or written, with a message for the user. */
public final class IdentityStoreException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Notice notice;

    /** A failure described by the notice, caused by {@code cause} (may be null). */
    public IdentityStoreException(Notice notice, Throwable cause) {
        super(notice.text(Locale.ENGLISH), cause);
        this.notice = notice;
    }

    /** What to tell the user. */
    public Notice notice() {
        return notice;
    }
}
