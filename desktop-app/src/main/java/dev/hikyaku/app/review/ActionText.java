package dev.hikyaku.app.review;

import dev.hikyaku.gateway.plan.GroupAction;

/** The words for a group's action, as the sender reads them. */
public final class ActionText {
    private ActionText() {
    }

    /** The key of {@code action}'s text. */
    public static ReviewKey of(GroupAction action) {
        if (action instanceof GroupAction.AsIs) {
            return ReviewKey.ACTION_AS_IS;
        }
        if (action instanceof GroupAction.PlainZip) {
            return ReviewKey.ACTION_ZIP;
        }
        if (action instanceof GroupAction.AesZip aes) {
            return switch (aes.passphrase()) {
                case AGREED -> ReviewKey.ACTION_AES_ZIP_AGREED;
                case FRESH -> ReviewKey.ACTION_AES_ZIP_FRESH;
                case AGREED_OR_FRESH -> ReviewKey.ACTION_AES_ZIP;
            };
        }
        if (action instanceof GroupAction.SmimeEncrypt) {
            return ReviewKey.ACTION_SMIME;
        }
        if (action instanceof GroupAction.HoldForSender) {
            return ReviewKey.ACTION_HOLD;
        }
        return ReviewKey.ACTION_REFUSE;
    }
}
