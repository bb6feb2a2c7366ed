package dev.hikyaku.app.clients.thunderbird;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** A copy of the fixture Thunderbird folder (profiles.ini and one profile with six accounts) to change freely. */
public final class FixtureProfile {
    private FixtureProfile() {
    }

    /** Copies the fixture into {@code home}/.thunderbird and returns its one profile. */
    public static ThunderbirdProfile copyTo(Path home) throws IOException, ThunderbirdSetupException {
        Path source;
        try {
            source = Path.of(FixtureProfile.class.getResource("fixture/profiles.ini").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        ThunderbirdRoot root = new ThunderbirdRoot(home.resolve(".thunderbird"));
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path target = root.directory().resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        List<ThunderbirdProfile> profiles = new ProfilesIniReader().read(root);
        return profiles.get(0);
    }
}
