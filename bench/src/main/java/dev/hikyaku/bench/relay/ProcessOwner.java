package dev.hikyaku.bench.relay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;

/** Who the bench runs as: Postfix starts only as root, and then smtp-sink must drop to the postfix user. */
final class ProcessOwner {
    /** The unprivileged account of the Debian postfix package. */
    static final String POSTFIX_USER = "postfix";

    private ProcessOwner() {
    }

    static boolean isRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** Gives {@code path} to the postfix user, so a program that dropped root privileges can write there. */
    static void handToPostfix(Path path) throws IOException {
        UserPrincipal postfix = path.getFileSystem().getUserPrincipalLookupService()
                .lookupPrincipalByName(POSTFIX_USER);
        Files.setOwner(path, postfix);
    }
}
