package dev.hikyaku.installer.cli;

import dev.hikyaku.advisor.cli.AdvisorMain;
import dev.hikyaku.app.Launcher;
import dev.hikyaku.gateway.HeadlessMain;
import dev.hikyaku.installer.text.InstallerText;
import java.util.Arrays;
import java.util.Locale;

/**
 * The {@code hikyaku} command the packages put on the PATH: {@code hikyaku check ...} is the TLS advisor,
 * {@code hikyaku gateway run|check ...} the gateway without a window, {@code hikyaku app} the window.
 */
public final class HikyakuMain {
    static final int EXIT_USAGE = 2;

    private HikyakuMain() {
    }

    /** Entry point; each program it hands over to sets the exit code itself. */
    public static void main(String[] args) {
        Command command = Command.parse(Arrays.asList(args));
        if (command instanceof Command.Advisor advisor) {
            AdvisorMain.main(advisor.arguments().toArray(String[]::new));
        } else if (command instanceof Command.Gateway gateway) {
            HeadlessMain.main(gateway.arguments().toArray(String[]::new));
        } else if (command instanceof Command.App app) {
            Launcher.main(app.arguments().toArray(String[]::new));
        } else if (command instanceof Command.Usage usage) {
            System.exit(usage(usage, Locale.getDefault()));
        }
    }

    private static int usage(Command.Usage usage, Locale locale) {
        if (usage.asked()) {
            System.out.println(InstallerText.format(locale, "usage"));
            return 0;
        }
        System.err.println(InstallerText.format(locale, "usage.unknown", usage.unknown().orElseThrow()));
        System.err.println(InstallerText.format(locale, "usage"));
        return EXIT_USAGE;
    }
}
