package dev.hikyaku.smime.wizard;

import dev.hikyaku.smime.baseline.Severity;
import dev.hikyaku.smime.install.InstallReport;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a step made of the input.
 *
 * @param step      where the wizard stands now (the same step when the input was refused)
 * @param problems  what was wrong: errors (the input was refused) and warnings (it was taken)
 * @param installed what an install input came to
 */
public record StepResult(WizardStep step, List<Problem> problems, Optional<InstallReport> installed) {

    /** Copies the list. */
    public StepResult {
        Objects.requireNonNull(step, "step");
        problems = List.copyOf(problems);
        Objects.requireNonNull(installed, "installed");
    }

    /** Whether the input was taken (no error among the problems). */
    public boolean accepted() {
        return problems.stream().noneMatch(problem -> problem.severity() == Severity.ERROR);
    }
}
