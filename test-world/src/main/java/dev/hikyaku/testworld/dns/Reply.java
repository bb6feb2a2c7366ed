package dev.hikyaku.testworld.dns;

import org.xbill.DNS.Message;

/** What the server does with one query: answer it, or stay silent. */
sealed interface Reply {

    /** A response message to send back. */
    record Answer(Message message) implements Reply {}

    /** No response at all; the client will time out. */
    record Silence() implements Reply {}
}
