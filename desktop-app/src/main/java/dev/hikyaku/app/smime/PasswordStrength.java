package dev.hikyaku.app.smime;

/**
 * How strong a new store password looks: long passwords and mixed kinds of characters are better. A hint for the
 * user, not a guarantee; only {@link #TOO_SHORT} is refused.
 */
public enum PasswordStrength {
    /** Shorter than {@link #MIN_LENGTH}: refused. */
    TOO_SHORT,
    /** Long enough, but of one or two kinds of characters. */
    WEAK,
    /** Long enough with three kinds, or long. */
    FAIR,
    /** Long, with several kinds of characters. */
    STRONG;

    /** The fewest characters a store password may have. */
    public static final int MIN_LENGTH = 10;
    private static final int LONG = 16;

    /** The strength of the typed password (the characters are only looked at, not kept). */
    public static PasswordStrength of(CharSequence password) {
        int length = password.length();
        if (length < MIN_LENGTH) {
            return TOO_SHORT;
        }
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean other = false;
        for (int i = 0; i < length; i++) {
            char c = password.charAt(i);
            if (Character.isLowerCase(c)) {
                lower = true;
            } else if (Character.isUpperCase(c)) {
                upper = true;
            } else if (Character.isDigit(c)) {
                digit = true;
            } else {
                other = true;
            }
        }
        int kinds = (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
        if (length >= LONG && kinds >= 3) {
            return STRONG;
        }
        if (kinds >= 3 || length >= LONG) {
            return FAIR;
        }
        return WEAK;
    }
}
