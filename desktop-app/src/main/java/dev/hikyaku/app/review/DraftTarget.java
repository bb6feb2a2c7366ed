package dev.hikyaku.app.review;

import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.Window;

/** Where "back to draft" saves a message: the app asks the user with a file chooser. */
@FunctionalInterface
public interface DraftTarget {
    /** The file to save to, empty when the user changed their mind; {@code suggestedName} ends in {@code .eml}. */
    Optional<Path> choose(Window owner, String suggestedName);
}
