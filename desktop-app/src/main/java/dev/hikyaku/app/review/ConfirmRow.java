package dev.hikyaku.app.review;

import dev.hikyaku.app.i18n.LiveText;
import dev.hikyaku.gateway.guard.confirm.ConfirmItem;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One item the sender must tick (an external recipient or an attached file), ticked one by one. */
public final class ConfirmRow {
    private final ConfirmItem item;
    private final StringBinding label;
    private final BooleanProperty ticked = new SimpleBooleanProperty(this, "ticked");
    private final StringProperty confirmedBy = new SimpleStringProperty(this, "confirmedBy", "");

    ConfirmRow(ConfirmItem item, LiveText text) {
        this.item = item;
        if (item instanceof ConfirmItem.File file) {
            this.label = text.text(ReviewKey.CONFIRM_FILE, file.fileName().isEmpty() ? file.position() : file.fileName(),
                    ByteSize.of(file.size()));
        } else {
            this.label = text.text(ReviewKey.CONFIRM_RECIPIENT, ((ConfirmItem.Recipient) item).address());
        }
    }

    /** What is confirmed. */
    public ConfirmItem item() {
        return item;
    }

    /** The tick box's text. */
    public StringBinding label() {
        return label;
    }

    /** Whether the gateway holds a tick for it (a tick cannot be taken back). */
    public BooleanProperty tickedProperty() {
        return ticked;
    }

    /** Who ticked it, empty while not ticked. */
    public StringProperty confirmedByProperty() {
        return confirmedBy;
    }
}
