package dev.hikyaku.app.shell;

import dev.hikyaku.app.i18n.TextKey;
import javafx.scene.Node;

/** One part of the main window (status, queue, archive, TLS checker, settings...), shown as a tab. */
public interface Section {
    /** A stable id: the tab's node id, for tests and keyboard shortcuts. */
    String id();

    /** The tab's title. */
    TextKey title();

    /** The section's content, built once when its tab is first shown. */
    Node content();
}
