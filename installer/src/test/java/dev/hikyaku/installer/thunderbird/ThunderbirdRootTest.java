package dev.hikyaku.installer.thunderbird;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThunderbirdRootTest {
    private static final Path HOME = Path.of("/home/taro").toAbsolutePath();

    @Test
    void linuxKeepsProfilesInDotThunderbird() throws Exception {
        assertEquals(HOME.resolve(".thunderbird"),
                ThunderbirdRoot.locate(DesktopOs.LINUX, HOME, Map.of()).directory());
    }

    @Test
    void macOsKeepsProfilesInLibrary() throws Exception {
        assertEquals(HOME.resolve("Library/Thunderbird"),
                ThunderbirdRoot.locate(DesktopOs.MAC_OS, HOME, Map.of()).directory());
    }

    @Test
    void windowsKeepsProfilesInAppData() throws Exception {
        Path appData = HOME.resolve("AppData/Roaming");
        assertEquals(appData.resolve("Thunderbird"), ThunderbirdRoot.locate(DesktopOs.WINDOWS, HOME,
                Map.of("APPDATA", appData.toString())).directory());
    }

    @Test
    void windowsWithoutAppDataSaysWhy() {
        assertEquals("thunderbird.noAppData", assertThrows(ThunderbirdSetupException.class,
                () -> ThunderbirdRoot.locate(DesktopOs.WINDOWS, HOME, Map.of())).messageKey());
        assertEquals("thunderbird.badAppData", assertThrows(ThunderbirdSetupException.class,
                () -> ThunderbirdRoot.locate(DesktopOs.WINDOWS, HOME, Map.of("APPDATA", "relative"))).messageKey());
    }

    @Test
    void osNamesMapToTheirSystems() {
        assertEquals(DesktopOs.WINDOWS, DesktopOs.fromOsName("Windows 11"));
        assertEquals(DesktopOs.MAC_OS, DesktopOs.fromOsName("Mac OS X"));
        assertEquals(DesktopOs.LINUX, DesktopOs.fromOsName("Linux"));
        assertEquals(DesktopOs.LINUX, DesktopOs.fromOsName("FreeBSD"));
    }
}
