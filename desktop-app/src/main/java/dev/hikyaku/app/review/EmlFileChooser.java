package dev.hikyaku.app.review;

import dev.hikyaku.app.i18n.LiveText;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Asks the user where to save a message, with the system's save dialog limited to .eml files. */
public final class EmlFileChooser implements DraftTarget {
    private final LiveText text;

    /** A chooser titled in {@code text}'s language. */
    public EmlFileChooser(LiveText text) {
        this.text = text;
    }

    @Override
    public Optional<Path> choose(Window owner, String suggestedName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(text.now(ReviewKey.DRAFT_CHOOSER_TITLE));
        chooser.setInitialFileName(suggestedName);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(text.now(ReviewKey.DRAFT_FILTER), "*.eml"));
        File chosen = chooser.showSaveDialog(owner);
        return Optional.ofNullable(chosen).map(File::toPath);
    }
}
