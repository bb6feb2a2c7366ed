package dev.hikyaku.smime.install;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * NSS's command-line tools, which write into Thunderbird's certificate database: {@code pk12util} imports a PKCS#12
 * file, {@code certutil} lists what the database holds (Debian: libnss3-tools; Windows and macOS: part of NSS builds).
 *
 * @param pk12util the pk12util program
 * @param certutil the certutil program
 */
public record NssTools(Path pk12util, Path certutil) {

    /** Finds both programs on the search path (the value of {@code PATH}); empty when either is missing. */
    public static Optional<NssTools> find(String searchPath) {
        Optional<Path> pk12util = onPath(searchPath, "pk12util");
        Optional<Path> certutil = onPath(searchPath, "certutil");
        return pk12util.isPresent() && certutil.isPresent()
                ? Optional.of(new NssTools(pk12util.get(), certutil.get())) : Optional.empty();
    }

    private static Optional<Path> onPath(String searchPath, String program) {
        if (searchPath == null) {
            return Optional.empty();
        }
        for (String directory : searchPath.split(File.pathSeparator)) {
            for (String name : new String[] {program, program + ".exe"}) {
                try {
                    Path candidate = Path.of(directory, name);
                    if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                        return Optional.of(candidate);
                    }
                } catch (InvalidPathException e) {
                    // A broken PATH entry holds no program.
                }
            }
        }
        return Optional.empty();
    }
}
