package dev.hikyaku.app.clients.thunderbird;

import java.util.Locale;

/** The desktop systems Thunderbird keeps its profiles on, each in its own place. */
public enum DesktopOs {
    /** Linux and the other Unix desktops. */
    LINUX,
    /** macOS. */
    MAC_OS,
    /** Windows. */
    WINDOWS;

    /** The system named by an {@code os.name} value such as "Windows 11" or "Mac OS X". */
    public static DesktopOs fromOsName(String osName) {
        String name = osName.toLowerCase(Locale.ROOT);
        if (name.startsWith("windows")) {
            return WINDOWS;
        }
        if (name.startsWith("mac") || name.startsWith("darwin")) {
            return MAC_OS;
        }
        return LINUX;
    }
}
