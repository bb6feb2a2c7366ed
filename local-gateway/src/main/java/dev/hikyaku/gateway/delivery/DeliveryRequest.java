package dev.hikyaku.gateway.delivery;

import dev.hikyaku.gateway.auth.Credentials;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** STUB until the delivery package lands. */
public record DeliveryRequest(Path messageFile, String sender, List<String> recipients, boolean requireTls,
                              boolean smtpUtf8, boolean eightBitMime, Optional<Credentials> credentials) {
}
