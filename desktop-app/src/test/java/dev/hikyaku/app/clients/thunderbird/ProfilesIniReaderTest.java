package dev.hikyaku.app.clients.thunderbird;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfilesIniReaderTest {
    @TempDir
    Path home;

    private ThunderbirdRoot root;

    @BeforeEach
    void createRoot() throws IOException {
        root = new ThunderbirdRoot(home.resolve(".thunderbird"));
        Files.createDirectories(root.directory().resolve("Profiles/abcd1234.default-release"));
        Files.createDirectories(root.directory().resolve("Profiles/efgh5678.work"));
    }

    @Test
    void installSectionPicksTheDefaultAndRelativeAndAbsolutePathsResolve() throws Exception {
        Path elsewhere = Files.createDirectories(home.resolve("elsewhere/old-profile"));
        write("""
                [Profile1]
                Name=work
                IsRelative=1
                Path=Profiles/efgh5678.work

                [Profile0]
                Name=default-release
                IsRelative=1
                Path=Profiles/abcd1234.default-release
                Default=1

                [Profile2]
                Name=old
                IsRelative=0
                Path=%s

                [General]
                StartWithLastProfile=1
                Version=2

                [Install8216C80C92C4E828]
                Default=Profiles/efgh5678.work
                Locked=1
                """.formatted(elsewhere));

        List<ThunderbirdProfile> profiles = new ProfilesIniReader().read(root);

        assertEquals(List.of(
                new ThunderbirdProfile("work", root.directory().resolve("Profiles/efgh5678.work"), true, true),
                new ThunderbirdProfile("default-release",
                        root.directory().resolve("Profiles/abcd1234.default-release"), false, true),
                new ThunderbirdProfile("old", elsewhere, false, true)), profiles);
    }

    @Test
    void legacyDefaultFlagCountsWithoutAnInstallSection() throws Exception {
        write("""
                [General]
                StartWithLastProfile=1

                [Profile0]
                Name=default
                IsRelative=1
                Path=Profiles/abcd1234.default-release
                Default=1

                [Profile1]
                Name=work
                IsRelative=1
                Path=Profiles/efgh5678.work
                """);

        List<ThunderbirdProfile> profiles = new ProfilesIniReader().read(root);

        assertTrue(profiles.get(0).isDefault());
        assertFalse(profiles.get(1).isDefault());
    }

    @Test
    void installsIniNamesTheDefaultWhenProfilesIniHasNoInstallSection() throws Exception {
        write("""
                [Profile0]
                Name=default
                IsRelative=1
                Path=Profiles/abcd1234.default-release
                Default=1

                [Profile1]
                Name=work
                IsRelative=1
                Path=Profiles/efgh5678.work
                """);
        Files.writeString(root.directory().resolve("installs.ini"), """
                [8216C80C92C4E828]
                Default=Profiles/efgh5678.work
                Locked=1
                """, StandardCharsets.UTF_8);

        List<ThunderbirdProfile> profiles = new ProfilesIniReader().read(root);

        assertFalse(profiles.get(0).isDefault());
        assertTrue(profiles.get(1).isDefault());
    }

    @Test
    void aListedProfileWhoseFolderIsGoneIsReportedAsMissing() throws Exception {
        write("""
                [Profile0]
                Name=deleted
                IsRelative=1
                Path=Profiles/zzzz0000.deleted
                """);

        ThunderbirdProfile profile = new ProfilesIniReader().read(root).get(0);

        assertEquals(root.directory().resolve("Profiles/zzzz0000.deleted"), profile.directory());
        assertFalse(profile.exists());
    }

    @Test
    void crlfBomCommentsAndUnknownKeysAreTolerated() throws Exception {
        String text = "\uFEFF; written by hand\r\n# another comment\r\n[Profile0]\r\nName = 日本語プロファイル \r\n"
                + "IsRelative=1\r\nPath=Profiles/abcd1234.default-release\r\nStoreID=0\r\nShowSelector=1\r\n"
                + "this line means nothing\r\n\r\n[Install4F96D1932A9F858E]\r\nDefault=Profiles/abcd1234.default-release\r\n";
        Files.write(root.profilesIni(), text.getBytes(StandardCharsets.UTF_8));

        List<ThunderbirdProfile> profiles = new ProfilesIniReader().read(root);

        assertEquals(List.of(new ThunderbirdProfile("日本語プロファイル",
                root.directory().resolve("Profiles/abcd1234.default-release"), true, true)), profiles);
    }

    @Test
    void aRelativePathClimbingOutOfTheRootIsRefused() throws Exception {
        write("""
                [Profile0]
                Name=evil
                IsRelative=1
                Path=../../etc
                """);

        ThunderbirdSetupException e = assertThrows(ThunderbirdSetupException.class,
                () -> new ProfilesIniReader().read(root));

        assertEquals(ThunderbirdText.PROFILES_PATH_ESCAPES, e.reason());
        assertTrue(e.getMessage().contains("../../etc"), e.getMessage());
        assertTrue(e.message(Locale.JAPANESE).contains("外を指しています"), e.message(Locale.JAPANESE));
    }

    @Test
    void aRelativePathThatIsReallyAbsoluteIsRefused() throws Exception {
        write("""
                [Profile0]
                Name=evil
                IsRelative=1
                Path=%s
                """.formatted(home.resolve("elsewhere")));

        assertEquals(ThunderbirdText.PROFILES_PATH_ESCAPES,
                assertThrows(ThunderbirdSetupException.class, () -> new ProfilesIniReader().read(root)).reason());
    }

    @Test
    void anInstallDefaultClimbingOutIsRefusedToo() throws Exception {
        write("""
                [Install8216C80C92C4E828]
                Default=Profiles/../../../outside
                """);

        assertEquals(ThunderbirdText.PROFILES_PATH_ESCAPES,
                assertThrows(ThunderbirdSetupException.class, () -> new ProfilesIniReader().read(root)).reason());
    }

    @Test
    void anAbsoluteFlagOnARelativePathIsRefused() throws Exception {
        write("""
                [Profile0]
                Name=odd
                IsRelative=0
                Path=Profiles/abcd1234.default-release
                """);

        assertEquals(ThunderbirdText.PROFILES_NOT_ABSOLUTE,
                assertThrows(ThunderbirdSetupException.class, () -> new ProfilesIniReader().read(root)).reason());
    }

    @Test
    void aProfileWithoutPathIsRefused() throws Exception {
        write("""
                [Profile0]
                Name=nowhere
                IsRelative=1
                """);

        ThunderbirdSetupException e = assertThrows(ThunderbirdSetupException.class,
                () -> new ProfilesIniReader().read(root));
        assertEquals(ThunderbirdText.PROFILES_NO_PATH, e.reason());
        assertTrue(e.message(Locale.ENGLISH).contains("[Profile0]"));
    }

    @Test
    void aHugeFileIsRefusedUnread() throws Exception {
        byte[] huge = new byte[Math.toIntExact(ProfilesIniReader.MAX_BYTES + 1)];
        Arrays.fill(huge, (byte) ';');
        Files.write(root.profilesIni(), huge);

        ThunderbirdSetupException e = assertThrows(ThunderbirdSetupException.class,
                () -> new ProfilesIniReader().read(root));
        assertEquals(ThunderbirdText.FILE_TOO_LARGE, e.reason());
        assertTrue(e.message(Locale.JAPANESE).contains("256 KiB"), e.message(Locale.JAPANESE));
    }

    @Test
    void aRootWithoutProfilesIniSaysToStartThunderbirdOnce() {
        ThunderbirdSetupException e = assertThrows(ThunderbirdSetupException.class,
                () -> new ProfilesIniReader().read(root));
        assertEquals(ThunderbirdText.PROFILES_NO_INI, e.reason());
        assertTrue(e.getMessage().contains("Start Thunderbird once"), e.getMessage());
        assertTrue(e.message(Locale.JAPAN).contains("Thunderbird を一度起動"), e.message(Locale.JAPAN));
    }

    private void write(String profilesIni) throws IOException {
        Files.writeString(root.profilesIni(), profilesIni, StandardCharsets.UTF_8);
    }
}
