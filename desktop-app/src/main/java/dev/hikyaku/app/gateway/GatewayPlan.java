package dev.hikyaku.app.gateway;

import dev.hikyaku.gateway.config.GatewaySettings;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What the configuration says the gateway will be, known before it starts.
 *
 * @param submission where mail clients submit
 * @param upstream   {@code host:port} of the outgoing server; empty in the sandbox
 * @param outbox     where the sandbox keeps released mail
 */
public record GatewayPlan(SubmissionAddress submission, Optional<String> upstream, Path outbox) {
    /** The sandbox's folder name inside the data folder, as the gateway names it. */
    static final String SANDBOX_OUTBOX = "sandbox-outbox";

    /** The plan of {@code settings}. */
    public static GatewayPlan of(GatewaySettings settings) {
        return new GatewayPlan(SubmissionAddress.preferred(settings.listen().addresses()),
                settings.upstream().map(target -> target.host() + ":" + target.port()),
                settings.dataDirectory().resolve(SANDBOX_OUTBOX));
    }

    /** The same plan listening where the gateway actually listens (a configured port 0 becomes a real one). */
    public GatewayPlan listeningOn(SubmissionAddress actual) {
        return new GatewayPlan(actual, upstream, outbox);
    }
}
