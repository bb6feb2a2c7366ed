package dev.hikyaku.app.clients.thunderbird;

import java.util.List;
import java.util.Optional;

/**
 * The outgoing servers of a Thunderbird profile.
 *
 * @param servers the servers in the order of {@code mail.smtpservers}
 * @param defaultServerId the id {@code mail.smtp.defaultserver} names, if set
 */
public record SmtpSettings(List<SmtpServer> servers, Optional<String> defaultServerId) {
    /** Copies the list. */
    public SmtpSettings {
        servers = List.copyOf(servers);
    }

    /** The server with {@code id}, if the profile has it. */
    public Optional<SmtpServer> server(String id) {
        return servers.stream().filter(server -> server.id().equals(id)).findFirst();
    }
}
