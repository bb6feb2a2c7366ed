package dev.hikyaku.installer.packages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.testworld.reference.RequiredTool;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The .deb installs into a throw-away root (dpkg --root, as root or not; the real system is never touched), its
 * hikyaku command runs from there, and removing it leaves a user's data.
 */
class DebPackageIT {
    @TempDir
    Path temp;

    @Test
    void installsRunsTheCommandAndUninstallsLeavingTheUsersData() throws Exception {
        RequiredTool.require(Files.isExecutable(Path.of("/usr/bin/dpkg")), "dpkg is missing (not a Debian system)");
        Path root = Files.createDirectories(temp.resolve("root"));
        for (String folder : List.of("var/lib/dpkg/info", "var/lib/dpkg/updates", "var/lib/dpkg/triggers", "usr/bin")) {
            Files.createDirectories(root.resolve(folder));
        }
        Files.createFile(root.resolve("var/lib/dpkg/status"));

        Program.Result install = dpkg(root, "-i", PackageFolder.deb().toString());
        assertEquals(0, install.exitCode(), install.output());

        Path link = root.resolve("usr/bin/hikyaku");
        assertTrue(Files.isSymbolicLink(link), install.output());
        assertEquals(Path.of("../../opt/hikyaku/bin/hikyaku"), Files.readSymbolicLink(link));
        String menuEntry = Files.readString(root.resolve("opt/hikyaku/lib/hikyaku-Hikyaku.desktop"),
                StandardCharsets.UTF_8);
        assertTrue(menuEntry.contains("Exec=/opt/hikyaku/bin/Hikyaku"), menuEntry);
        assertTrue(menuEntry.contains("Name[ja]=Hikyaku 飛脚"), menuEntry);
        assertTrue(Files.readString(root.resolve("opt/hikyaku/lib/hikyaku-hikyaku.desktop"), StandardCharsets.UTF_8)
                .contains("NoDisplay=true"), "the command line has no menu entry of its own");

        Program.Result help = Program.run(List.of(link.toString(), "check", "--help"),
                Map.of("HOME", temp.toString(), "LANG", "C.UTF-8"), temp.resolve("help.log"));
        assertEquals(0, help.exitCode(), help.output());
        assertTrue(help.output().contains("check [options] ADDRESS_OR_DOMAIN"), help.output());
        assertTrue(help.output().contains("--dns HOST:PORT"), help.output());

        Path archive = root.resolve("home/taro/.local/share/hikyaku/archive.db");
        Files.createDirectories(archive.getParent());
        Files.writeString(archive, "the user's archive", StandardCharsets.UTF_8);
        Program.Result purge = dpkg(root, "--purge", "hikyaku");
        assertEquals(0, purge.exitCode(), purge.output());

        assertFalse(Files.exists(root.resolve("opt/hikyaku")), purge.output());
        assertFalse(Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS), "prerm removed the command's link");
        assertEquals("the user's archive", Files.readString(archive, StandardCharsets.UTF_8));
    }

    /**
     * dpkg on the root: maintainer scripts run outside a chroot with DPKG_ROOT set (the root holds no shell), and
     * ours then change nothing outside it; the libraries the package depends on are the real system's.
     */
    private Program.Result dpkg(Path root, String... action) throws Exception {
        List<String> command = new ArrayList<>(List.of("/usr/bin/dpkg", "--root=" + root, "--force-not-root",
                "--force-script-chrootless", "--force-depends", "--log=/dev/null"));
        command.addAll(List.of(action));
        return Program.run(command, Map.of("HOME", temp.toString()), temp.resolve("dpkg.log"));
    }
}
