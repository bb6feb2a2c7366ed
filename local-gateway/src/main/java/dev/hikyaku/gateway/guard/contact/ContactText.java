package dev.hikyaku.gateway.guard.contact;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Body text made comparable for the phone and postal counters: NFKC folds full-width digits, letters, brackets
 * and spaces to their plain forms, and every dash-like mark between digits becomes an ASCII hyphen.
 */
final class ContactText {
    /**
     * Hyphens, dashes, minus signs and the long-vowel marks that Japanese text puts between digits (NFKC has
     * already turned the half-width long-vowel mark into the full-width one). Only those next to a digit or
     * bracket are touched, so katakana words keep their marks.
     */
    private static final Pattern DASH_BETWEEN_DIGITS = Pattern.compile(
            "(?<=[\\d)]) ?[\\-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u30FC\uFE63\uFF0D] ?(?=[\\d(])");

    private ContactText() {
    }

    /** {@code text} in the form the counters search. */
    static String normalise(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC);
        return DASH_BETWEEN_DIGITS.matcher(folded).replaceAll("-");
    }

    /** Only the digits of {@code text}. */
    static String digits(CharSequence text) {
        StringBuilder digits = new StringBuilder(text.length());
        text.chars().filter(c -> c >= '0' && c <= '9').forEach(c -> digits.append((char) c));
        return digits.toString();
    }
}
