package dev.hikyaku.app.clients.thunderbird;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** Turns a profile path as {@code profiles.ini} writes it into a folder, refusing paths that leave the root. */
final class ProfilePathResolver {
    private final Path root;

    /** Resolves against {@code root}, which must be absolute and normalized. */
    ProfilePathResolver(Path root) {
        this.root = root;
    }

    /**
     * The folder {@code path} names.
     *
     * @param path the {@code Path=} (or {@code Default=}) value
     * @param relative whether the entry says the path is relative to the root
     * @param section the section it came from, for the error message
     */
    Path resolve(String path, boolean relative, String section) throws ThunderbirdSetupException {
        Path given;
        try {
            given = Path.of(path);
        } catch (InvalidPathException e) {
            throw new ThunderbirdSetupException(e, ThunderbirdText.PROFILES_BAD_PATH, section, path);
        }
        if (!relative) {
            if (!given.isAbsolute()) {
                throw new ThunderbirdSetupException(ThunderbirdText.PROFILES_NOT_ABSOLUTE, section, path);
            }
            return given.normalize();
        }
        // A relative entry that climbs out ("../..") or is secretly absolute would make us edit files elsewhere.
        Path resolved = root.resolve(given).normalize();
        if (given.isAbsolute() || !resolved.startsWith(root) || resolved.equals(root)) {
            throw new ThunderbirdSetupException(ThunderbirdText.PROFILES_PATH_ESCAPES, section, path, root.toString());
        }
        return resolved;
    }
}
