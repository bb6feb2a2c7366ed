package dev.hikyaku.app.tray;

/** Where the tray's lines and notifications go: the OS tray icon, or a recorder in tests. */
public interface TraySurface {
    /** Shows {@code lines}. */
    void show(TrayLines lines);

    /** Pops up a notification. */
    void notify(String title, String body, Notice.Severity severity);
}
