package dev.hikyaku.installer.packages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** What the build's package phase made, where the pom says (system properties set by surefire). */
final class PackageFolder {
    private PackageFolder() {
    }

    /** target/jpackage. */
    static Path folder() {
        return Path.of(System.getProperty("hikyaku.packages", "target/jpackage")).toAbsolutePath();
    }

    /** The app image's folder: bin/, lib/app, lib/runtime. */
    static Path appImage() {
        return folder().resolve("Hikyaku");
    }

    /** The command-line launcher's name on this OS. */
    static String cliLauncher() {
        return System.getProperty("hikyaku.cli", "hikyaku");
    }

    /** The one .deb the build made. */
    static Path deb() throws IOException {
        try (Stream<Path> files = Files.list(folder())) {
            List<Path> debs = files.filter(file -> file.getFileName().toString().endsWith(".deb")).toList();
            assertEquals(1, debs.size(), "one .deb in " + folder() + ": " + debs);
            return debs.get(0);
        }
    }
}
