package dev.hikyaku.gateway.plan;

/**
 * What happens to one recipient group's copy of a message, ordered from least to most protective so that a
 * policy can say "this or anything stronger".
 */
public sealed interface GroupAction {

    /** How protective the action is; a user may only move a group to an action at least as protective. */
    int protection();

    /** The message as written, attachments included (routes where TLS already protects it). */
    record AsIs() implements GroupAction {
        @Override
        public int protection() {
            return 0;
        }
    }

    /** Attachments gathered into one plain zip (some offices want that even over TLS). */
    record PlainZip() implements GroupAction {
        @Override
        public int protection() {
            return 1;
        }
    }

    /** Attachments in an AES-256 zip whose passphrase never travels by mail. */
    record AesZip(Passphrase passphrase) implements GroupAction {
        @Override
        public int protection() {
            return 2;
        }
    }

    /** The group's copy S/MIME-encrypted to every recipient's certificate (only when all have one). */
    record SmimeEncrypt() implements GroupAction {
        @Override
        public int protection() {
            return 3;
        }
    }

    /** Nothing leaves until the sender decides (e.g. a domain that takes no mail: probably a typo). */
    record HoldForSender() implements GroupAction {
        @Override
        public int protection() {
            return 4;
        }
    }

    /** Never sent to this group; the sender hears why. */
    record Refuse() implements GroupAction {
        @Override
        public int protection() {
            return 5;
        }
    }

    /** Where an AES zip's passphrase comes from. */
    enum Passphrase {
        /** The one agreed with the contact beforehand; only its hint goes in the mail. */
        AGREED,
        /** A fresh one, shown to the sender to pass on by phone or chat. */
        FRESH,
        /** The agreed one when there is one, else a fresh one. */
        AGREED_OR_FRESH
    }
}
