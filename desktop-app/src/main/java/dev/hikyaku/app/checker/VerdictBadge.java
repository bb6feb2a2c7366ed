package dev.hikyaku.app.checker;

import dev.hikyaku.advisor.verdict.Level;
import dev.hikyaku.app.i18n.LiveText;
import javafx.scene.control.Label;
import javafx.scene.paint.Color;
import javafx.scene.shape.FillRule;
import javafx.scene.shape.SVGPath;

/**
 * How a verdict level looks wherever the app shows one: a colour, an icon of its own shape and a word, so the
 * level never rests on colour alone.
 */
public final class VerdictBadge {
    private VerdictBadge() {
    }

    /** A label with the level's icon and word, in its colour; the word follows the language. */
    public static Label of(Level level, LiveText text) {
        Label badge = new Label();
        badge.textProperty().bind(text.text(CheckerText.level(level)));
        badge.setGraphic(icon(level));
        badge.setTextFill(colour(level));
        badge.setStyle("-fx-font-weight: bold;");
        return badge;
    }

    /** The level's colour, dark enough to read on a light background. */
    public static Color colour(Level level) {
        return Color.web(hex(level));
    }

    /** The level's colour as CSS knows it, for charts and style sheets. */
    public static String hex(Level level) {
        return switch (level) {
            case AUTHENTICATED -> "#1a7f37";
            case ENCRYPTED -> "#0b5cad";
            case ENCRYPTED_UNVERIFIED -> "#8a5a00";
            case PLAINTEXT -> "#b42318";
            case NO_MAIL, UNKNOWN -> "#555555";
        };
    }

    /** A 16-pixel icon whose shape tells the level: tick, closed lock, warning, cross, barred circle, ring. */
    public static SVGPath icon(Level level) {
        SVGPath icon = new SVGPath();
        icon.setContent(switch (level) {
            case AUTHENTICATED -> "M0 9 L2 7 L6 11 L14 2 L16 4 L6 15 Z";
            case ENCRYPTED -> "M4 7 V5 A4 4 0 0 1 12 5 V7 H14 V16 H2 V7 Z M6 7 H10 V5 A2 2 0 0 0 6 5 Z";
            case ENCRYPTED_UNVERIFIED -> "M8 0 L16 15 H0 Z M7 5 H9 V10 H7 Z M7 11 H9 V13 H7 Z";
            case PLAINTEXT -> "M2 0 L8 6 L14 0 L16 2 L10 8 L16 14 L14 16 L8 10 L2 16 L0 14 L6 8 L0 2 Z";
            case NO_MAIL -> "M8 0 A8 8 0 1 0 8.01 0 Z M8 2 A6 6 0 1 1 7.99 2 Z M3 4 L4 3 L13 12 L12 13 Z";
            case UNKNOWN -> "M8 0 A8 8 0 1 0 8.01 0 Z M8 3 A5 5 0 1 1 7.99 3 Z";
        });
        icon.setFillRule(FillRule.EVEN_ODD);
        icon.setFill(colour(level));
        return icon;
    }
}
