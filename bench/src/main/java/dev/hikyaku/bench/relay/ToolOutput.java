package dev.hikyaku.bench.relay;

import java.util.List;

/** What another program printed, made safe and short enough for one row of the figure table. */
final class ToolOutput {
    private static final int MAX_CHARS = 240;

    private ToolOutput() {
    }

    /** The last non-blank line of {@code output}, or "(no output)". */
    static String lastLine(String output) {
        List<String> lines = output.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        return lines.isEmpty() ? "(no output)" : clean(lines.get(lines.size() - 1));
    }

    /** {@code text} without control characters, cut to a table row's length. */
    static String clean(String text) {
        String printable = text.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return printable.length() <= MAX_CHARS ? printable : printable.substring(0, MAX_CHARS) + "...";
    }
}
