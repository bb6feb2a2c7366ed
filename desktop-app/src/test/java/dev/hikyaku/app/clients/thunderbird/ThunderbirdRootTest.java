package dev.hikyaku.app.clients.thunderbird;

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
        assertEquals(ThunderbirdText.NO_APP_DATA, assertThrows(ThunderbirdSetupException.class,
                () -> ThunderbirdRoot.locate(DesktopOs.WINDOWS, HOME, Map.of())).reason());
        assertEquals(ThunderbirdText.BAD_APP_DATA, assertThrows(ThunderbirdSetupException.class,
                () -> ThunderbirdRoot.locate(DesktopOs.WINDOWS, HOME, Map.of("APPDATA", "relative"))).reason());
    }

    @Test
    void osNamesMapToTheirSystems() {
        assertEquals(DesktopOs.WINDOWS, DesktopOs.fromOsName("Windows 11"));
        assertEquals(DesktopOs.MAC_OS, DesktopOs.fromOsName("Mac OS X"));
        assertEquals(DesktopOs.LINUX, DesktopOs.fromOsName("Linux"));
        assertEquals(DesktopOs.LINUX, DesktopOs.fromOsName("FreeBSD"));
    }
}
