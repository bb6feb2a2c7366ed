package dev.hikyaku.app.review.warnings;

import java.net.IDN;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Tells a domain that imitates a known one: one or two typing slips away (a swapped, missing, extra or wrong
 * letter) or spelt with look-alike characters (a digit for a letter, Cyrillic or full-width letters, "rn" for "m").
 */
public final class Lookalikes {
    private static final int MIN_LENGTH = 4;
    // No domain is longer (RFC 1035); anything longer is hostile and not compared.
    private static final int MAX_LENGTH = 253;
    // A first label this long may differ in two places and still be a slip; shorter ones in one.
    private static final int TWO_SLIPS_FROM = 6;
    private static final Map<Character, Character> CONFUSABLES = Map.ofEntries(
            Map.entry('0', 'o'), Map.entry('1', 'l'), Map.entry('i', 'l'), Map.entry('|', 'l'),
            // Cyrillic letters that look Latin.
            Map.entry('а', 'a'), Map.entry('е', 'e'), Map.entry('о', 'o'), Map.entry('р', 'p'),
            Map.entry('с', 'c'), Map.entry('у', 'y'), Map.entry('х', 'x'), Map.entry('і', 'l'),
            Map.entry('ј', 'j'), Map.entry('ѕ', 's'), Map.entry('ԁ', 'd'), Map.entry('һ', 'h'),
            Map.entry('ӏ', 'l'), Map.entry('к', 'k'), Map.entry('м', 'm'), Map.entry('т', 't'),
            Map.entry('в', 'b'), Map.entry('н', 'h'),
            // Greek letters that look Latin.
            Map.entry('ο', 'o'), Map.entry('α', 'a'), Map.entry('ν', 'v'), Map.entry('ι', 'l'),
            Map.entry('κ', 'k'), Map.entry('ρ', 'p'), Map.entry('τ', 't'), Map.entry('υ', 'u'),
            Map.entry('ɡ', 'g'));

    private Lookalikes() {
    }

    /** The first of {@code known} that {@code domain} imitates, if any; a domain never imitates itself. */
    public static Optional<String> resembled(String domain, List<String> known) {
        String candidate = unicode(domain);
        if (candidate.length() < MIN_LENGTH || candidate.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String candidateSkeleton = skeleton(candidate);
        for (String original : known) {
            String model = unicode(original);
            if (model.equals(candidate) || model.length() < MIN_LENGTH || model.length() > MAX_LENGTH
                    || candidate.endsWith("." + model) || model.endsWith("." + candidate)) {
                continue;
            }
            int allowed = firstLabel(model).length() >= TWO_SLIPS_FROM ? 2 : 1;
            if (candidateSkeleton.equals(skeleton(model)) || distance(candidate, model) <= allowed) {
                return Optional.of(original);
            }
        }
        return Optional.empty();
    }

    /** The domain in Unicode (punycode labels decoded), compatibility-normalised and in lower case. */
    static String unicode(String domain) {
        String decoded;
        try {
            decoded = IDN.toUnicode(domain.strip(), IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException e) {
            decoded = domain.strip();
        }
        // NFKC folds full-width letters and digits (ｅｘａｍｐｌｅ) into their ASCII forms.
        return Normalizer.normalize(decoded, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    /** The domain with every look-alike character replaced by the letter it imitates. */
    static String skeleton(String domain) {
        StringBuilder mapped = new StringBuilder(domain.length());
        for (int i = 0; i < domain.length(); i++) {
            char c = domain.charAt(i);
            mapped.append(CONFUSABLES.getOrDefault(c, c));
        }
        return mapped.toString().replace("rn", "m").replace("vv", "w");
    }

    /** The optimal-string-alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    private static String firstLabel(String domain) {
        int dot = domain.indexOf('.');
        return dot < 0 ? domain : domain.substring(0, dot);
    }
}
