package dev.hikyaku.gateway.mime;

/**
 * How far the analyser goes into one message; past a limit it notes a {@link Problem} and skips, so a hostile
 * message costs bounded memory and time whatever its size.
 *
 * @param maxDepth       how many multiparts may nest inside each other; a deeper one is skipped as opaque
 * @param maxParts       how many MIME entities (multiparts and leaves) are looked at; the rest is only counted
 * @param maxHeaderBytes how many bytes of one entity's header are kept; the rest of that header is skipped
 * @param maxTextChars   how many characters of body text are extracted for search and keyword rules
 * @param maxProblems    how many problems are listed
 */
public record AnalysisLimits(int maxDepth, int maxParts, int maxHeaderBytes, int maxTextChars, int maxProblems) {

    /** Generous for real mail (Outlook nests about five deep), small enough for a hostile one. */
    public static final AnalysisLimits DEFAULT = new AnalysisLimits(16, 1000, 256 * 1024, 1 << 20, 100);

    /** Validated limits. */
    public AnalysisLimits {
        if (maxDepth < 1 || maxParts < 1 || maxHeaderBytes < 1024 || maxTextChars < 0 || maxProblems < 1) {
            throw new IllegalArgumentException("analysis limits out of range");
        }
    }
}
