package dev.hikyaku.app.clients.thunderbird;

/**
 * How an undo put the profile back.
 *
 * @param prefsExact prefs.js is again byte for byte what it was before the set-up; false when Thunderbird had
 *                   rewritten it since (it does at every exit), so only the changed preferences were set back and
 *                   the user's other changes kept
 * @param overridesExact cert_override.txt likewise (or is gone again, when the set-up created it)
 */
public record UndoResult(boolean prefsExact, boolean overridesExact) {
}
