package dev.hikyaku.app.review;

import dev.hikyaku.app.i18n.LiveText;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/**
 * The questions asked before a message is cancelled: each reminds the sender that their mail client already
 * filed a copy under Sent, which stays there.
 */
public final class ReviewDialogs {
    /** The confirming button's node id. */
    public static final String CONFIRM_ID = "dialogConfirm";
    /** The keeping button's node id. */
    public static final String KEEP_ID = "dialogKeep";

    private final LiveText text;

    /** Dialogs in {@code text}'s language. */
    public ReviewDialogs(LiveText text) {
        this.text = text;
    }

    /** Whether the sender wants {@code subject} cancelled. */
    public boolean confirmCancel(Window owner, String subject) {
        return ask(owner, text.now(ReviewKey.DIALOG_CANCEL_TITLE), text.now(ReviewKey.DIALOG_CANCEL_HEADER, subject),
                text.now(ReviewKey.DIALOG_CANCEL_CONTENT), text.now(ReviewKey.DIALOG_CANCEL_CONFIRM));
    }

    /** Whether the sender wants {@code subject} cancelled and saved as a file. */
    public boolean confirmBackToDraft(Window owner, String subject) {
        return ask(owner, text.now(ReviewKey.DIALOG_DRAFT_TITLE), text.now(ReviewKey.DIALOG_CANCEL_HEADER, subject),
                text.now(ReviewKey.DIALOG_DRAFT_CONTENT), text.now(ReviewKey.DIALOG_DRAFT_CONFIRM));
    }

    private boolean ask(Window owner, String title, String header, String content, String confirmText) {
        ButtonType confirm = new ButtonType(confirmText, ButtonBar.ButtonData.OK_DONE);
        ButtonType keep = new ButtonType(text.now(ReviewKey.DIALOG_KEEP), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, content, confirm, keep);
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(header);
        alert.getDialogPane().lookupButton(confirm).setId(CONFIRM_ID);
        alert.getDialogPane().lookupButton(keep).setId(KEEP_ID);
        // Keeping the message is the safe answer, so Enter alone does not cancel it.
        ((Button) alert.getDialogPane().lookupButton(confirm)).setDefaultButton(false);
        ((Button) alert.getDialogPane().lookupButton(keep)).setDefaultButton(true);
        Optional<ButtonType> answer = alert.showAndWait();
        return answer.isPresent() && answer.get() == confirm;
    }
}
