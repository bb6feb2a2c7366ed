package dev.hikyaku.gateway.delivery;

import java.io.IOException;

/** The upstream server could not be asked (down, unreachable, TLS failure); {@link #problem()} says why. */
public final class UpstreamUnavailableException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient UpstreamProblem problem;

    /** An exception whose message is the problem's English text. */
    public UpstreamUnavailableException(UpstreamProblem problem) {
        super(problem.english());
        this.problem = problem;
    }

    /** Why the upstream could not be asked. */
    public UpstreamProblem problem() {
        return problem;
    }
}
