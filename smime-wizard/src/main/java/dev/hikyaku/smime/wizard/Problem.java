package dev.hikyaku.smime.wizard;

import dev.hikyaku.smime.baseline.Severity;
import dev.hikyaku.smime.text.Notice;
import java.util.Objects;

/**
 * Something wrong with what the user gave a step.
 *
 * @param notice   what to tell the user
 * @param severity {@link Severity#ERROR} keeps the wizard at the step; a warning lets it go on
 */
public record Problem(Notice notice, Severity severity) {

    /** Checks that nothing is missing. */
    public Problem {
        Objects.requireNonNull(notice, "notice");
        Objects.requireNonNull(severity, "severity");
    }

    static Problem error(String key, Object... arguments) {
        return new Problem(Notice.of(key, arguments), Severity.ERROR);
    }
}
