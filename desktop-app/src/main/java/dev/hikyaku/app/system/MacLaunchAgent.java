package dev.hikyaku.app.system;

import java.nio.file.Path;

/** The LaunchAgent {@code ~/Library/LaunchAgents/dev.hikyaku.app.plist}, which launchd starts at sign-in. */
public final class MacLaunchAgent implements LoginStart {
    /** The agent's label, also its file name. */
    static final String LABEL = "dev.hikyaku.app";

    private final Path file;
    private final Path launcher;

    /** The agent of the user whose home is given, starting {@code launcher} (inside Hikyaku.app). */
    public MacLaunchAgent(Path home, Path launcher) {
        this.file = home.resolve("Library").resolve("LaunchAgents").resolve(LABEL + ".plist");
        this.launcher = launcher;
    }

    @Override
    public boolean isEnabled() throws LoginStartException {
        return SettingFile.read(file).isPresent();
    }

    @Override
    public void enable() throws LoginStartException {
        SettingFile.write(file, """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
                <plist version="1.0">
                <dict>
                  <key>Label</key>
                  <string>%s</string>
                  <key>ProgramArguments</key>
                  <array>
                    <string>%s</string>
                  </array>
                  <key>RunAtLoad</key>
                  <true/>
                  <key>ProcessType</key>
                  <string>Interactive</string>
                </dict>
                </plist>
                """.formatted(LABEL, xml(launcher.toString())));
    }

    @Override
    public void disable() throws LoginStartException {
        SettingFile.delete(file);
    }

    @Override
    public String location() {
        return file.toString();
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
