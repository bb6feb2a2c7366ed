package dev.hikyaku.smime.baseline;

import dev.hikyaku.smime.text.Notice;
import java.util.Objects;

/**
 * One thing wrong with a certificate.
 *
 * @param check    which check found it
 * @param severity whether the certificate may still be used
 * @param notice   the explanation for the user, with the values that matter
 */
public record BaselineProblem(BaselineCheck check, Severity severity, Notice notice) {

    /** Checks that nothing is missing. */
    public BaselineProblem {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(notice, "notice");
    }

    static BaselineProblem of(BaselineCheck check, Severity severity, Object... arguments) {
        return new BaselineProblem(check, severity, Notice.of(check.messageKey(), arguments));
    }
}
