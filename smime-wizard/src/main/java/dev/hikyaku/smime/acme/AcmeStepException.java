package dev.hikyaku.smime.acme;

import dev.hikyaku.smime.text.Notice;
import java.util.Objects;

/** An ACME step that did not work, with what to tell the user. */
public final class AcmeStepException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Notice notice;

    /** A failure explained by the notice. */
    public AcmeStepException(Notice notice, Throwable cause) {
        super(notice.key(), cause);
        this.notice = Objects.requireNonNull(notice, "notice");
    }

    /** What to tell the user. */
    public Notice notice() {
        return notice;
    }
}
