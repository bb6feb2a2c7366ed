package dev.hikyaku.gateway.smtp;

import java.io.IOException;
import java.io.OutputStream;

/** Where one message's DATA goes while it arrives; committed only when the whole message passed every check. */
public interface MessageSink {

    /** The stream the message's bytes are written to, in order, exactly as they will be kept. */
    OutputStream body();

    /**
     * Makes the message durable (on disk and in the queue, synced) and returns the reply for the client:
     * {@code 250} only once nothing can lose it any more. Throws when that cannot be done; the listener
     * then answers {@code 451} and the client keeps the message.
     */
    Reply commit() throws IOException;

    /** Throws the partial message away (the client was refused or went away); never throws. */
    void abandon();
}
