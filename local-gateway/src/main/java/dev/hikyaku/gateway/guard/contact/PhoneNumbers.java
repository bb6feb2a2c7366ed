package dev.hikyaku.gateway.guard.contact;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds telephone numbers in text: Japanese numbers as people write them (03-1234-5678, (03)1234-5678,
 * 0120-123-456, 090-1234-5678, full-width forms, +81 3-1234-5678) and international ones (+1 212 555 0100,
 * +44 20 7946 0958, E.164 such as +442079460958, and the North American (212) 555-0100).
 *
 * <p>Dates, times, amounts and order numbers must not count, so a candidate has to have a phone number's
 * shape and length: a Japanese number starts with 0, has 10 digits (11 for mobile, IP and 0800 numbers), is
 * written in groups and ends in 4 digits (3 for 0120, 0570 and 0990); unseparated digits count only as
 * an 11-digit mobile number. Numbers are compared by their digits in international form, so one number
 * written twice (a quoted signature) counts once.
 */
public final class PhoneNumbers {
    /** Not inside a longer number, code or date: no digit, +, -, / or decimal point just before. */
    private static final String START = "(?<![\\d+\\-/])(?<!\\d[.,:])";
    /** And none just after. */
    private static final String END = "(?![\\d\\-/]|[.,:]\\d)";

    private static final Pattern CANDIDATE = Pattern.compile(START + "(?:"
            // Japanese, in three groups: 03-1234-5678, 03 1234 5678, (03)1234-5678, 03(1234)5678
            + "(?<jp3>0\\d{1,4}-\\d{1,4}-\\d{3,4}"
            + "|0\\d{1,4} \\d{1,4} \\d{3,4}"
            + "|\\(0\\d{1,4}\\) ?\\d{1,4}-\\d{3,4}"
            + "|0\\d{1,4}\\(\\d{1,4}\\)\\d{3,4})"
            // Japanese, in two groups (090-12345678) or an unseparated mobile number (09012345678)
            + "|(?<jp2>0\\d{1,4}-\\d{6,8}|0[5789]0\\d{8})"
            // International: +country code, then groups separated by space, hyphen or dot; +81 (0)3 ... too
            + "|(?<intl>\\+[1-9]\\d{0,2}(?: ?\\(0\\) ?|[ .\\-])\\(?\\d{1,5}\\)?(?:[ .\\-]\\(?\\d{1,5}\\)?|\\(\\d{1,5}\\)){0,5}"
            + "|\\+[1-9]\\d{7,14})"
            // North American without the country code: (212) 555-0100, 212-555-0100, 212.555.0100
            + "|(?<nanp>\\([2-9]\\d{2}\\) ?[2-9]\\d{2}-\\d{4}|[2-9]\\d{2}(?<sep>[\\-.])[2-9]\\d{2}\\k<sep>\\d{4})"
            + ")" + END);

    private PhoneNumbers() {
    }

    /** The distinct numbers in {@code text}, in international form ({@code +81312345678}), in text order. */
    public static List<String> find(String text) {
        String normalised = ContactText.normalise(text);
        Matcher matcher = CANDIDATE.matcher(normalised);
        Set<String> numbers = new LinkedHashSet<>();
        int from = 0;
        while (from < normalised.length() && matcher.find(from)) {
            String written = matcher.group();
            from = matcher.end();
            if (matcher.group("jp3") != null || matcher.group("jp2") != null) {
                add(numbers, japanese(ContactText.digits(written), lastGroupLength(written)));
            } else if (matcher.group("nanp") != null) {
                numbers.add("+1" + ContactText.digits(written));
            } else {
                // Space-separated groups may run on into the next number: the longest valid prefix is the number.
                for (int cut : groupEnds(written)) {
                    String number = international(written.substring(0, cut));
                    if (number != null) {
                        numbers.add(number);
                        from = matcher.start() + cut;
                        break;
                    }
                }
            }
        }
        return List.copyOf(numbers);
    }

    /** How many distinct numbers {@code text} holds. */
    public static int count(String text) {
        return find(text).size();
    }

    /** A national Japanese number ({@code 0...}) in international form, or null when it cannot be one. */
    private static String japanese(String digits, int lastGroup) {
        if (digits.length() == 10 && digits.charAt(1) != '0') {
            boolean special = digits.startsWith("0120") || digits.startsWith("0570") || digits.startsWith("0990");
            if (lastGroup == 3 && !special) {
                return null;
            }
            return "+81" + digits.substring(1);
        }
        if (digits.length() == 11 && (digits.matches("0[25-9]0\\d{8}") || digits.startsWith("0800"))) {
            return "+81" + digits.substring(1);
        }
        return null;
    }

    private static String international(String written) {
        String digits = ContactText.digits(written.replace("(0)", ""));
        if (digits.startsWith("81")) {
            String national = digits.substring(2);
            return national.length() >= 9 && national.charAt(0) != '0' ? japanese("0" + national, 4) : null;
        }
        return digits.length() >= 8 && digits.length() <= 15 ? "+" + digits : null;
    }

    /** Where each digit group of an international candidate ends, the whole candidate first. */
    private static List<Integer> groupEnds(String written) {
        List<Integer> ends = new ArrayList<>();
        ends.add(written.length());
        for (int i = written.length() - 1; i > 0; i--) {
            char c = written.charAt(i);
            char before = written.charAt(i - 1);
            if ((c == ' ' || c == '.' || c == '-' || c == '(') && (Character.isDigit(before) || before == ')')) {
                ends.add(i);
            }
        }
        return ends;
    }

    private static void add(Set<String> numbers, String number) {
        if (number != null) {
            numbers.add(number);
        }
    }

    /** The length of the last digit group; a whole unseparated number counts as one group. */
    private static int lastGroupLength(String written) {
        int length = 0;
        for (int i = written.length() - 1; i >= 0 && Character.isDigit(written.charAt(i)); i--) {
            length++;
        }
        return length;
    }
}
