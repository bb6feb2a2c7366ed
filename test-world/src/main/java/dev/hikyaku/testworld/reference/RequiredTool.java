package dev.hikyaku.testworld.reference;

import org.junit.jupiter.api.Assumptions;
import org.opentest4j.AssertionFailedError;

/**
 * A tool or data set a test needs that ./run-tests installs: missing on CI (CI=true) the test fails, since a skipped
 * test proves nothing; missing on a developer's machine it is skipped, saying what to install.
 */
public final class RequiredTool {
    private RequiredTool() {
    }

    /** Goes on when {@code present}; otherwise fails on CI and skips elsewhere, naming what is {@code missing}. */
    public static void require(boolean present, String missing) {
        if (present) {
            return;
        }
        if ("true".equals(System.getenv("CI"))) {
            throw new AssertionFailedError(missing + ": ./run-tests installs it, and CI must run this test");
        }
        Assumptions.abort(missing + " (./run-tests installs it)");
    }
}
