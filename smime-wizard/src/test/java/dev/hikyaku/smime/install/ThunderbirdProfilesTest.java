package dev.hikyaku.smime.install;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Thunderbird's profiles.ini read where each operating system keeps it, the default profile first. */
class ThunderbirdProfilesTest {
    @TempDir
    Path home;

    @Test
    void profilesWithACertificateDatabaseAreFoundDefaultFirst() throws Exception {
        Path root = Files.createDirectories(home.resolve(".thunderbird"));
        Path absolute = Files.createDirectories(home.resolve("elsewhere/work"));
        Files.writeString(root.resolve("profiles.ini"), """
                [General]
                StartWithLastProfile=1

                [Profile1]
                Name=old
                IsRelative=1
                Path=old.profile

                [Profile0]
                Name=default-release
                IsRelative=1
                Path=abcd1234.default-release
                Default=1

                [Profile2]
                Name=work
                IsRelative=0
                Path=%s

                [Profile3]
                Name=never-started
                IsRelative=1
                Path=empty.profile

                [Install4F96D1932A9F858E]
                Default=abcd1234.default-release
                """.formatted(absolute));
        for (Path profile : List.of(root.resolve("old.profile"), root.resolve("abcd1234.default-release"), absolute)) {
            Files.createDirectories(profile);
            Files.createFile(profile.resolve("cert9.db"));
        }
        Files.createDirectories(root.resolve("empty.profile"));

        assertEquals(List.of(root.resolve("abcd1234.default-release"), root.resolve("old.profile"), absolute),
                ThunderbirdProfiles.find(home, home.resolve("AppData"), "Linux"));
    }

    @Test
    void windowsLooksInAppDataAndAMissingOrDamagedIniFindsNothing() throws Exception {
        Path appData = home.resolve("AppData/Roaming");
        Path root = Files.createDirectories(appData.resolve("Thunderbird"));
        Files.writeString(root.resolve("profiles.ini"), "[Profile0]\nIsRelative=1\nPath=Profiles/x.default\nDefault=1\n");
        Path profile = Files.createDirectories(root.resolve("Profiles/x.default"));
        Files.createFile(profile.resolve("cert9.db"));

        assertEquals(List.of(profile), ThunderbirdProfiles.find(home, appData, "Windows 11"));
        assertEquals(List.of(), ThunderbirdProfiles.find(home, appData, "Mac OS X"));
        Files.write(root.resolve("profiles.ini"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 0x5b});
        assertEquals(List.of(), ThunderbirdProfiles.find(home, appData, "Windows 11"));
    }
}
