package dev.hikyaku.app.clients.outlook;

import java.util.List;

/**
 * A part of the guide under one heading.
 *
 * @param title the heading
 * @param numbered whether the lines are steps to follow in order (else notes)
 * @param lines the steps or notes
 */
public record GuideSection(OutlookText title, boolean numbered, List<GuideLine> lines) {
    /** Copies the lines. */
    public GuideSection {
        lines = List.copyOf(lines);
    }
}
