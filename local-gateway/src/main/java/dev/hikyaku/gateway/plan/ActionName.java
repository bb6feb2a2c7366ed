package dev.hikyaku.gateway.plan;

import java.util.Arrays;
import java.util.Optional;

/** The names actions have in the configuration file and the log. */
public enum ActionName {
    /** {@link GroupAction.AsIs}. */
    AS_IS("as-is", new GroupAction.AsIs()),
    /** {@link GroupAction.PlainZip}. */
    ZIP("zip", new GroupAction.PlainZip()),
    /** {@link GroupAction.AesZip} with the agreed passphrase, else a fresh one. */
    AES_ZIP("aes-zip", new GroupAction.AesZip(GroupAction.Passphrase.AGREED_OR_FRESH)),
    /** {@link GroupAction.AesZip} with the agreed passphrase only. */
    AES_ZIP_AGREED("aes-zip-agreed", new GroupAction.AesZip(GroupAction.Passphrase.AGREED)),
    /** {@link GroupAction.AesZip} with a fresh passphrase. */
    AES_ZIP_FRESH("aes-zip-fresh", new GroupAction.AesZip(GroupAction.Passphrase.FRESH)),
    /** {@link GroupAction.SmimeEncrypt}. */
    SMIME("smime", new GroupAction.SmimeEncrypt()),
    /** {@link GroupAction.HoldForSender}. */
    HOLD("hold", new GroupAction.HoldForSender()),
    /** {@link GroupAction.Refuse}. */
    REFUSE("refuse", new GroupAction.Refuse());

    private final String text;
    private final GroupAction action;

    ActionName(String text, GroupAction action) {
        this.text = text;
        this.action = action;
    }

    /** The name as written in the file. */
    public String text() {
        return text;
    }

    /** The action it names. */
    public GroupAction action() {
        return action;
    }

    /** The action named {@code text}, if it is a name. */
    public static Optional<GroupAction> parse(String text) {
        return Arrays.stream(values()).filter(name -> name.text.equals(text)).map(ActionName::action).findFirst();
    }

    /** The name of {@code action}. */
    public static String of(GroupAction action) {
        return Arrays.stream(values()).filter(name -> name.action.equals(action)).map(ActionName::text).findFirst()
                .orElseThrow();
    }
}
