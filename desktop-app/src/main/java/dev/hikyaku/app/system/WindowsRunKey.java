package dev.hikyaku.app.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The value {@code Hikyaku} under {@code HKEY_CURRENT_USER\Software\Microsoft\Windows\CurrentVersion\Run}, which
 * Windows starts at sign-in. It is written by {@code reg import} of a generated .reg file rather than
 * {@code reg add}, because the value must carry quotes around a path with spaces, which survive a file but not the
 * Windows command line's quoting.
 */
public final class WindowsRunKey implements LoginStart {
    static final String KEY = "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run";
    static final String VALUE = "Hikyaku";

    private final Path launcher;
    private final Commands commands;

    WindowsRunKey(Path launcher, Commands commands) {
        this.launcher = launcher;
        this.commands = commands;
    }

    @Override
    public boolean isEnabled() throws LoginStartException {
        return commands.run(List.of("reg", "query", KEY, "/v", VALUE)) == 0;
    }

    @Override
    public void enable() throws LoginStartException {
        Path file;
        try {
            file = Files.createTempFile("hikyaku-autostart-", ".reg");
        } catch (IOException e) {
            throw new LoginStartException(e, SystemText.WRITE_FAILED, "%TEMP%", e.toString());
        }
        try {
            SettingFile.write(file, regFile(launcher), StandardCharsets.UTF_16LE);
            int exit = commands.run(List.of("reg", "import", file.toString()));
            if (exit != 0) {
                throw new LoginStartException(null, SystemText.REGISTRY_FAILED, location(), Integer.toString(exit));
            }
        } finally {
            SettingFile.delete(file);
        }
    }

    @Override
    public void disable() throws LoginStartException {
        if (isEnabled()) {
            int exit = commands.run(List.of("reg", "delete", KEY, "/v", VALUE, "/f"));
            if (exit != 0) {
                throw new LoginStartException(null, SystemText.REGISTRY_FAILED, location(), Integer.toString(exit));
            }
        }
    }

    @Override
    public String location() {
        return KEY + "\\" + VALUE;
    }

    /**
     * The .reg file setting the value to the quoted launcher path (UTF-16 with a byte-order mark, as regedit
     * writes it, so a user name in Japanese survives).
     */
    static String regFile(Path launcher) {
        String quoted = "\"" + launcher + "\"";
        String escaped = quoted.replace("\\", "\\\\").replace("\"", "\\\"");
        return "\uFEFFWindows Registry Editor Version 5.00\r\n\r\n[" + KEY.replace("HKCU", "HKEY_CURRENT_USER")
                + "]\r\n\"" + VALUE + "\"=\"" + escaped + "\"\r\n";
    }
}
