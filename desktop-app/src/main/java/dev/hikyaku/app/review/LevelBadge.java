package dev.hikyaku.app.review;

import dev.hikyaku.advisor.verdict.Level;

/** How a verdict level is shown: a glyph and a word as well as a colour, so the colour is never the only sign. */
public enum LevelBadge {
    /** {@link Level#AUTHENTICATED}. */
    AUTHENTICATED(Level.AUTHENTICATED, "✔✔", "#1b5e20", ReviewKey.LEVEL_AUTHENTICATED),
    /** {@link Level#ENCRYPTED}. */
    ENCRYPTED(Level.ENCRYPTED, "✔", "#2e7d32", ReviewKey.LEVEL_ENCRYPTED),
    /** {@link Level#ENCRYPTED_UNVERIFIED}. */
    ENCRYPTED_UNVERIFIED(Level.ENCRYPTED_UNVERIFIED, "⚠", "#a04000", ReviewKey.LEVEL_ENCRYPTED_UNVERIFIED),
    /** {@link Level#PLAINTEXT}. */
    PLAINTEXT(Level.PLAINTEXT, "✖", "#b71c1c", ReviewKey.LEVEL_PLAINTEXT),
    /** {@link Level#NO_MAIL}. */
    NO_MAIL(Level.NO_MAIL, "⛔", "#6a1b9a", ReviewKey.LEVEL_NO_MAIL),
    /** {@link Level#UNKNOWN}. */
    UNKNOWN(Level.UNKNOWN, "?", "#455a64", ReviewKey.LEVEL_UNKNOWN);

    private final Level level;
    private final String glyph;
    private final String colour;
    private final ReviewKey word;

    LevelBadge(Level level, String glyph, String colour, ReviewKey word) {
        this.level = level;
        this.glyph = glyph;
        this.colour = colour;
        this.word = word;
    }

    /** The badge of {@code level}. */
    public static LevelBadge of(Level level) {
        for (LevelBadge badge : values()) {
            if (badge.level == level) {
                return badge;
            }
        }
        throw new IllegalArgumentException("no badge for " + level);
    }

    /** The glyph shown before the word. */
    public String glyph() {
        return glyph;
    }

    /** The text colour, dark enough for contrast on a light background. */
    public String colour() {
        return colour;
    }

    /** The word for the level. */
    public ReviewKey word() {
        return word;
    }
}
