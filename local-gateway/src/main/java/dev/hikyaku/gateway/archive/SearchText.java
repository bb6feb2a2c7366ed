package dev.hikyaku.gateway.archive;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Text as the archive indexes and searches it, and the user's words turned into safe query pieces. Both sides
 * are NFKC-normalised and lower-cased, so full-width "ＰＤＦ" finds "pdf" and half-width kana find full-width.
 * Words of three or more characters go to the trigram index as quoted phrases (quotes doubled: FTS5 syntax in
 * the user's text stays literal); shorter words, which trigrams cannot find, become escaped LIKE patterns.
 */
final class SearchText {
    private static final int MAX_WORDS = 16;
    private static final int MAX_WORD_LENGTH = 200;

    /** The user's words, split into those the index can find and those it cannot. */
    record Words(List<String> indexed, List<String> scanned) {
        boolean isEmpty() {
            return indexed.isEmpty() && scanned.isEmpty();
        }

        /** The FTS5 MATCH expression: every indexed word as a phrase, all required. */
        String matchExpression() {
            StringBuilder expression = new StringBuilder();
            for (String word : indexed) {
                if (expression.length() > 0) {
                    expression.append(" AND ");
                }
                expression.append('"').append(word.replace("\"", "\"\"")).append('"');
            }
            return expression.toString();
        }
    }

    private SearchText() {
    }

    /** Text in the form the index holds. */
    static String normalise(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    /** The user's text as words; control characters are dropped, blanks (also ideographic) separate words. */
    static Words words(String userText) {
        String normalised = normalise(userText);
        List<String> indexed = new ArrayList<>();
        List<String> scanned = new ArrayList<>();
        for (String word : normalised.split("[\\s\\p{Cntrl}\\p{Z}]+")) {
            if (word.isEmpty() || indexed.size() + scanned.size() >= MAX_WORDS) {
                continue;
            }
            String cut = word.length() > MAX_WORD_LENGTH ? word.substring(0, MAX_WORD_LENGTH) : word;
            if (cut.codePointCount(0, cut.length()) >= 3) {
                indexed.add(cut);
            } else {
                scanned.add(cut);
            }
        }
        return new Words(indexed, scanned);
    }

    /** A LIKE pattern finding {@code word} anywhere, with {@code \} as the escape character. */
    static String containsPattern(String word) {
        return "%" + escapeLike(word) + "%";
    }

    /** {@code %}, {@code _} and {@code \} made literal for a LIKE with {@code ESCAPE '\'}. */
    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
