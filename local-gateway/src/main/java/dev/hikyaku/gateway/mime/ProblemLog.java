package dev.hikyaku.gateway.mime;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The problems met in one analysis: each kind once per part, at most the limit's number in all. */
final class ProblemLog {
    private static final int MAX_DETAIL = 80;

    private final int limit;
    private final List<Problem> problems = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();

    ProblemLog(int limit) {
        this.limit = limit;
    }

    /** Notes a problem; {@code detail} comes from the message and is cut to a short printable excerpt. */
    void add(Problem.Kind kind, String position, String detail) {
        if (problems.size() >= limit || !seen.add(kind + "@" + position)) {
            return;
        }
        problems.add(new Problem(kind, position, printable(detail)));
    }

    List<Problem> problems() {
        return problems;
    }

    private static String printable(String text) {
        StringBuilder excerpt = new StringBuilder(Math.min(text.length(), MAX_DETAIL));
        for (int i = 0; i < text.length() && excerpt.length() < MAX_DETAIL; i++) {
            char c = text.charAt(i);
            excerpt.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return excerpt.toString();
    }
}
