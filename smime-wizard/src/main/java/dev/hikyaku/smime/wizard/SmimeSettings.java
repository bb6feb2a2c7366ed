package dev.hikyaku.smime.wizard;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the gateway does with S/MIME for the user's outgoing mail, as the wizard's last step leaves it: sign all
 * outgoing mail (signing first), and encrypt to recipients whose certificates are known (encryption when both sides
 * are ready). Kept as {@code smime.conf} in the data folder, in the gateway's {@code key = value} syntax.
 *
 * @param address             the sender address the identity signs for
 * @param identity            the signing certificate's SHA-256 fingerprint in the identity store
 * @param signOutgoing        sign every outgoing message from the address
 * @param encryptWhenPossible encrypt to each recipient group whose certificates are all known and usable
 */
public record SmimeSettings(String address, String identity, boolean signOutgoing, boolean encryptWhenPossible) {
    /** The file's name in the data folder. */
    public static final String FILE_NAME = "smime.conf";

    /** Checks that nothing is missing. */
    public SmimeSettings {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(identity, "identity");
    }

    /** Writes the settings to {@link #FILE_NAME} in the folder (through a temporary file and a rename). */
    public void write(Path dataDirectory) throws IOException {
        String text = "# Written by Hikyaku's S/MIME wizard; read by the gateway.\n"
                + "smime.address = " + address + "\n"
                + "smime.identity = " + identity + "\n"
                + "smime.sign = " + (signOutgoing ? "yes" : "no") + "\n"
                + "smime.encrypt = " + (encryptWhenPossible ? "when-possible" : "no") + "\n";
        Files.createDirectories(dataDirectory);
        Path temporary = Files.createTempFile(dataDirectory, FILE_NAME, ".tmp");
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, dataDirectory.resolve(FILE_NAME), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** The settings in the folder, when the wizard wrote them and they are complete. */
    public static Optional<SmimeSettings> read(Path dataDirectory) throws IOException {
        Path file = dataDirectory.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (String line : lines) {
            String text = line.strip();
            int equals = text.indexOf('=');
            if (!text.startsWith("#") && equals > 0) {
                values.put(text.substring(0, equals).strip(), text.substring(equals + 1).strip());
            }
        }
        String address = values.get("smime.address");
        String identity = values.get("smime.identity");
        if (address == null || identity == null) {
            return Optional.empty();
        }
        return Optional.of(new SmimeSettings(address, identity, "yes".equals(values.get("smime.sign")),
                "when-possible".equals(values.get("smime.encrypt"))));
    }
}
