package dev.hikyaku.app.smime;

import dev.hikyaku.gateway.Gateway;
import dev.hikyaku.smime.acme.ResponseSender;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Sends the answer to a CA's ACME challenge through the app's own gateway, so it leaves by the user's mail route
 * (their provider signs it with DKIM, which the CA checks), is archived and waits for the password like any mail.
 */
public final class GatewayResponseSender implements ResponseSender {
    private final Supplier<Optional<Gateway>> gateway;

    /** Sends through whichever gateway is running when the answer is sent. */
    public GatewayResponseSender(Supplier<Optional<Gateway>> gateway) {
        this.gateway = gateway;
    }

    @Override
    public void send(String from, List<String> recipients, byte[] message) throws IOException {
        Gateway running = gateway.get().orElseThrow(() -> new IOException("Hikyaku's gateway is not running"));
        try {
            running.submitOwn(from, recipients, message);
        } catch (IllegalArgumentException e) {
            throw new IOException("the gateway refused the answer: " + e.getMessage(), e);
        }
    }
}
