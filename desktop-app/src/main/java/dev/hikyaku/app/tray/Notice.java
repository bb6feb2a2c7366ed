package dev.hikyaku.app.tray;

import java.util.List;

/**
 * A notification to show: how serious, its title and its text with the arguments (a {@code Localized} argument
 * is put in the user's language when shown).
 */
public record Notice(Severity severity, TrayText title, TrayText body, List<Object> arguments) {
    /** How the notification is marked: by icon and title, not by colour alone. */
    public enum Severity { INFO, WARNING, ERROR }

    /** Validated copy. */
    public Notice {
        arguments = List.copyOf(arguments);
    }
}
