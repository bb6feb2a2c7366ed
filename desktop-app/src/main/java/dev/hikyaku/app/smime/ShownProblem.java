package dev.hikyaku.app.smime;

import dev.hikyaku.app.i18n.Localized;
import dev.hikyaku.smime.baseline.Severity;
import dev.hikyaku.smime.wizard.Problem;
import java.util.Objects;

/**
 * A problem as a screen shows it: in the user's language, marked as an error (the step refused the input) or a
 * warning (it was taken, with a limit to know about).
 *
 * @param text  what to say
 * @param error whether it stopped the step
 */
record ShownProblem(Localized text, boolean error) {

    ShownProblem {
        Objects.requireNonNull(text, "text");
    }

    static ShownProblem of(Problem problem) {
        return new ShownProblem(new NoticeText(problem.notice()), problem.severity() == Severity.ERROR);
    }
}
