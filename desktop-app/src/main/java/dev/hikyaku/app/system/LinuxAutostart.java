package dev.hikyaku.app.system;

import java.nio.file.Path;
import java.util.Map;

/**
 * The XDG autostart entry {@code $XDG_CONFIG_HOME/autostart/hikyaku.desktop} (by default under
 * {@code ~/.config}), which GNOME, KDE, Xfce and the other desktops start at sign-in. A desktop's own settings
 * switch the entry off by adding {@code Hidden=true} (or GNOME's {@code X-GNOME-Autostart-enabled=false}).
 */
public final class LinuxAutostart implements LoginStart {
    private static final String FILE_NAME = "hikyaku.desktop";

    private final Path file;
    private final Path launcher;

    /** The entry of the user whose home and environment are given, starting {@code launcher}. */
    public LinuxAutostart(Path home, Map<String, String> environment, Path launcher) {
        String xdg = environment.getOrDefault("XDG_CONFIG_HOME", "");
        // XDG says a relative XDG_CONFIG_HOME is invalid and must be ignored.
        Path config = !xdg.isEmpty() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : home.resolve(".config");
        this.file = config.resolve("autostart").resolve(FILE_NAME);
        this.launcher = launcher;
    }

    @Override
    public boolean isEnabled() throws LoginStartException {
        return SettingFile.read(file)
                .map(text -> !text.lines().map(String::strip).anyMatch(line -> line.equals("Hidden=true")
                        || line.equals("X-GNOME-Autostart-enabled=false")))
                .orElse(false);
    }

    @Override
    public void enable() throws LoginStartException {
        SettingFile.write(file, """
                [Desktop Entry]
                Type=Application
                Name=Hikyaku
                Comment=Hikyaku checks your outgoing mail (started at sign-in)
                Comment[ja]=Hikyaku が送信メールを確認します（サインイン時に起動）
                Exec=%s
                Terminal=false
                X-GNOME-Autostart-enabled=true
                """.formatted(execValue(launcher)));
    }

    @Override
    public void disable() throws LoginStartException {
        SettingFile.delete(file);
    }

    @Override
    public String location() {
        return file.toString();
    }

    /** The program as the Exec key takes it: quoted, with the characters the spec reserves escaped. */
    static String execValue(Path program) {
        StringBuilder value = new StringBuilder("\"");
        for (char c : program.toString().toCharArray()) {
            if (c == '"' || c == '`' || c == '$' || c == '\\') {
                // Escaped once for the quoted argument, and the backslash once more for the desktop entry's string.
                value.append("\\\\");
            }
            if (c == '%') {
                value.append('%');
            }
            value.append(c);
        }
        return value.append('"').toString();
    }
}
