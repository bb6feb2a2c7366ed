package dev.hikyaku.gateway.mime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * No input makes the analyser throw, run away or exceed its limits. Without {@code JAZZER_FUZZ=1} this replays
 * the seeds under {@code MessageAnalyserFuzzTestInputs/analysesAnyBytes/} (and any crash Jazzer saved there).
 */
class MessageAnalyserFuzzTest {
    private static final AnalysisLimits SMALL = new AnalysisLimits(6, 40, 4096, 20_000, 25);
    private final MessageAnalyser analyser = new MessageAnalyser(SMALL);

    @FuzzTest(maxDuration = "2m")
    void analysesAnyBytes(byte[] message) {
        MessageSummary summary = analyser.analyse(message);
        assertEquals(message.length, summary.totalSize());
        assertTrue(summary.bodyText().length() <= SMALL.maxTextChars());
        assertTrue(summary.attachments().size() <= SMALL.maxParts());
        assertTrue(summary.problems().size() <= SMALL.maxProblems());
        summary.attachments().forEach(attachment -> assertTrue(attachment.decodedSize() <= message.length));
    }
}
