package dev.hikyaku.gateway.intake;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/** Makes queue ids that sort by arrival and never repeat: {@code 20261123T101500Z-3f9a1c0e7b2d}. */
public final class MessageIds {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final Clock clock;
    private final SecureRandom random;

    /** Ids stamped by {@code clock}. */
    public MessageIds(Clock clock, SecureRandom random) {
        this.clock = clock;
        this.random = random;
    }

    /** A new id. */
    public String next() {
        byte[] bytes = new byte[6];
        random.nextBytes(bytes);
        return STAMP.format(clock.instant()) + "-" + HexFormat.of().formatHex(bytes);
    }
}
