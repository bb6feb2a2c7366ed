package dev.hikyaku.app.review;

import java.util.List;

/**
 * A fresh passphrase the sender must pass on by phone or chat. It is held only while the review shows it and
 * never printed: {@link #toString()} hides it.
 */
public final class PassphraseRow {
    private final List<String> recipients;
    private final String passphrase;

    PassphraseRow(List<String> recipients, String passphrase) {
        this.recipients = List.copyOf(recipients);
        this.passphrase = passphrase;
    }

    /** Who the zip went to. */
    public List<String> recipients() {
        return recipients;
    }

    /** The passphrase, for the label and the copy button only. */
    public String passphrase() {
        return passphrase;
    }

    @Override
    public String toString() {
        return "PassphraseRow[" + recipients + ", hidden]";
    }
}
