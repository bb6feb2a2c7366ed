package dev.hikyaku.app.clients.thunderbird;

/** A preference value as {@code prefs.js} can hold it: a string, an integer or a boolean. */
public sealed interface PrefValue {
    /** A quoted string, escapes already undone. */
    record Text(String value) implements PrefValue {
    }

    /** An integer; Mozilla preferences are 32-bit. */
    record Number(int value) implements PrefValue {
    }

    /** {@code true} or {@code false}. */
    record Flag(boolean value) implements PrefValue {
    }
}
