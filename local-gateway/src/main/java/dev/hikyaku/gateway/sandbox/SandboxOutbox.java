package dev.hikyaku.gateway.sandbox;

import dev.hikyaku.gateway.auth.AuthGate;
import dev.hikyaku.gateway.auth.AuthOutcome;
import dev.hikyaku.gateway.auth.Credentials;
import dev.hikyaku.gateway.delivery.DeliveryReport;
import dev.hikyaku.gateway.delivery.DeliveryRequest;
import dev.hikyaku.gateway.delivery.RecipientOutcome;
import dev.hikyaku.gateway.delivery.UpstreamProblem;
import dev.hikyaku.gateway.events.GatewayEvent;
import dev.hikyaku.gateway.events.GatewayListener;
import dev.hikyaku.gateway.release.Outbound;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The embedded default before any mail account is configured: released mail lands as .eml files in a local
 * outbox instead of leaving the PC, so a new user can try the whole flow without sending real mail.
 */
public final class SandboxOutbox implements Outbound, AuthGate {
    private final Path folder;
    private final GatewayListener events;

    /** An outbox in {@code folder} (created when needed). */
    public SandboxOutbox(Path folder, GatewayListener events) {
        this.folder = folder;
        this.events = events;
    }

    /** The folder the sandboxed messages go to. */
    public Path folder() {
        return folder;
    }

    @Override
    public boolean required() {
        return false;
    }

    @Override
    public AuthOutcome verify(Credentials credentials) {
        // Nothing leaves the PC, so any credentials will do; a client set up with AUTH works unchanged.
        return new AuthOutcome.Accepted();
    }

    @Override
    public DeliveryReport deliver(DeliveryRequest request) {
        String id = request.messageFile().getFileName().toString();
        Path target = folder.resolve(id);
        try {
            Files.createDirectories(folder);
            Files.copy(request.messageFile(), target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            RecipientOutcome later = new RecipientOutcome.Deferred(
                    new UpstreamProblem("sandbox.unwritable", List.of(folder.toString(), String.valueOf(e.getMessage()))),
                    false);
            Map<String, RecipientOutcome> outcomes = new LinkedHashMap<>();
            request.recipients().forEach(address -> outcomes.put(address, later));
            return new DeliveryReport(outcomes, false);
        }
        events.on(new GatewayEvent.Sandboxed(id.replaceFirst("\\.eml$", ""), target.toString()));
        Map<String, RecipientOutcome> outcomes = new LinkedHashMap<>();
        request.recipients().forEach(address -> outcomes.put(address, new RecipientOutcome.Accepted("kept in the sandbox outbox")));
        return new DeliveryReport(outcomes, false);
    }
}
