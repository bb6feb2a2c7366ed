package dev.hikyaku.app.archive;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Asks where to save an exported message; the app asks with a file chooser, tests answer with a temp file. */
@FunctionalInterface
public interface SaveTarget {
    /** The file to write, or empty when the user cancelled. */
    Optional<Path> ask(Window owner, String title, String filterName, String suggestedName);

    /** The platform's save dialog, filtered to .eml files. */
    static SaveTarget fileChooser() {
        return (owner, title, filterName, suggestedName) -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(title);
            chooser.setInitialFileName(suggestedName);
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(filterName, "*.eml"));
            return Optional.ofNullable(chooser.showSaveDialog(owner)).map(File::toPath);
        };
    }
}
