package dev.hikyaku.advisor.dnssec;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The DNSSEC trust anchors the validator starts from: IANA's root keys by default, or a file (tests, labs). */
public final class TrustAnchors {
    private static final String ROOT_RESOURCE = "root-anchors.txt";

    private final byte[] text;

    private TrustAnchors(byte[] text) {
        this.text = text;
    }

    /** The bundled IANA root anchors (KSK-2017 and KSK-2024). */
    public static TrustAnchors ianaRoot() {
        try (InputStream in = TrustAnchors.class.getResourceAsStream(ROOT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(ROOT_RESOURCE + " is missing from the build");
            }
            return new TrustAnchors(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Anchors from a file of DS or DNSKEY lines in zone-file syntax. */
    public static TrustAnchors fromFile(Path file) throws IOException {
        return new TrustAnchors(Files.readAllBytes(file));
    }

    /** Anchors from zone-file text, as a test zone exposes them. */
    public static TrustAnchors fromText(String zoneFileLines) {
        return new TrustAnchors(zoneFileLines.getBytes(StandardCharsets.US_ASCII));
    }

    InputStream open() {
        return new ByteArrayInputStream(text);
    }
}
