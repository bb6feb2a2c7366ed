package dev.hikyaku.app.review;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;

/** Keeps the control that has the keyboard focus in sight: a scroll pane does not follow the focus by itself. */
final class FocusScrolling {
    // Room around the control for its focus ring.
    private static final double MARGIN = 8;

    private FocusScrolling() {
    }

    /** From now on, {@code scroll} scrolls to each control inside it that gets the focus. */
    static void follow(ScrollPane scroll) {
        scroll.sceneProperty().addListener((observable, before, scene) -> {
            if (scene != null) {
                scene.focusOwnerProperty().addListener((focus, previous, focused) -> reveal(scroll, focused));
            }
        });
    }

    private static void reveal(ScrollPane scroll, Node focused) {
        Node content = scroll.getContent();
        if (focused == null || content == null || !inside(focused, content)) {
            return;
        }
        Bounds node = content.sceneToLocal(focused.localToScene(focused.getBoundsInLocal()));
        double viewport = scroll.getViewportBounds().getHeight();
        double hidden = content.getBoundsInLocal().getHeight() - viewport;
        if (hidden <= 0) {
            return;
        }
        double top = hidden * scroll.getVvalue();
        if (node.getMinY() - MARGIN < top) {
            scroll.setVvalue(Math.max(0, (node.getMinY() - MARGIN) / hidden));
        } else if (node.getMaxY() + MARGIN > top + viewport) {
            scroll.setVvalue(Math.min(1, (node.getMaxY() + MARGIN - viewport) / hidden));
        }
    }

    private static boolean inside(Node node, Node ancestor) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (at == ancestor) {
                return true;
            }
        }
        return false;
    }
}
