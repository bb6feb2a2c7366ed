package dev.hikyaku.app.clients.thunderbird;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A profile's outgoing server as the set-up left it pointed at Hikyaku, until it is undone.
 *
 * @param profile the profile folder
 * @param previous the server as it was: where the gateway's upstream should point ({@code upstream.host},
 *                 {@code upstream.port} = {@link SmtpServer#effectivePort()}, {@code upstream.security} by
 *                 {@link SmtpServer#security()})
 * @param hostAndPort where Thunderbird now sends, {@code 127.0.0.1:PORT}
 * @param fingerprint the SHA-256 of the certificate Thunderbird now accepts there
 * @param appliedAt when the set-up wrote the change
 */
public record AppliedSetup(Path profile, SmtpServer previous, String hostAndPort, String fingerprint,
                           Instant appliedAt) {
}
