package dev.hikyaku.gateway.smtp;

import java.io.IOException;

/**
 * Reads one message's text after the 354 reply, up to the line that holds only ".", removing the stuffed
 * dots (RFC 5321 section 4.5.2). Lines go to the target with CRLF, the last one included; the "." line does
 * not. Only CRLF ends a line, so no smuggling variant can end the message early. After the first problem
 * nothing more is written, but the message is still read to its end so the client stays in step.
 */
final class MessageReader {
    private final ClientInput input;
    private final int maxLine;
    private final long maxSize;

    MessageReader(ClientInput input, int maxLine, long maxSize) {
        this.input = input;
        this.maxLine = maxLine;
        this.maxSize = maxSize;
    }

    /** Reads to the end of the message (or to the first bare CR or LF) and says how it went. */
    DataOutcome read(MessageTarget target) throws IOException {
        DataOutcome problem = DataOutcome.COMPLETE;
        long size = 0;
        while (true) {
            LineStatus status = input.readLine(maxLine);
            switch (status) {
                case BARE_CR -> {
                    return DataOutcome.BARE_CR;
                }
                case BARE_LF -> {
                    return DataOutcome.BARE_LF;
                }
                case END_OF_STREAM -> {
                    return DataOutcome.END_OF_STREAM;
                }
                case TOO_LONG -> problem = firstProblem(problem, DataOutcome.LINE_TOO_LONG);
                case CONTAINS_NUL -> problem = firstProblem(problem, DataOutcome.CONTAINS_NUL);
                case COMPLETE -> {
                    byte[] line = input.lineBuffer();
                    int length = input.length();
                    if (length == 1 && line[0] == '.') {
                        return problem;
                    }
                    int stuffed = length > 0 && line[0] == '.' ? 1 : 0;
                    size += length - stuffed + 2;
                    if (size > maxSize) {
                        problem = firstProblem(problem, DataOutcome.TOO_BIG);
                    }
                    if (problem == DataOutcome.COMPLETE) {
                        target.writeLine(line, stuffed, length - stuffed);
                    }
                }
            }
        }
    }

    private static DataOutcome firstProblem(DataOutcome current, DataOutcome found) {
        return current == DataOutcome.COMPLETE ? found : current;
    }
}
