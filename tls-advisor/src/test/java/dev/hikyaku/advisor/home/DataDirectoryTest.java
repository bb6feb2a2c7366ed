package dev.hikyaku.advisor.home;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataDirectoryTest {

    @Test
    void dataDirectoryFollowsEachOperatingSystemsConvention() {
        Path home = Path.of("home", "taro");
        assertEquals(home.resolve(".local/share/hikyaku"), DataDirectory.forUser("Linux", home, Map.of()));
        assertEquals(Path.of("/xdg/hikyaku"), DataDirectory.forUser("Linux", home, Map.of("XDG_DATA_HOME", "/xdg")));
        assertEquals(home.resolve(".local/share/hikyaku"), DataDirectory.forUser("Linux", home, Map.of("XDG_DATA_HOME", "relative")));
        assertEquals(home.resolve("Library/Application Support/Hikyaku"), DataDirectory.forUser("Mac OS X", home, Map.of()));
        assertEquals(Path.of("C:/Users/taro/AppData/Local/Hikyaku"),
                DataDirectory.forUser("Windows 11", home, Map.of("LOCALAPPDATA", "C:/Users/taro/AppData/Local")));
        assertEquals(home.resolve("AppData/Local/Hikyaku"), DataDirectory.forUser("Windows 11", home, Map.of()));
    }
}
