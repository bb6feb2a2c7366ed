package dev.hikyaku.gateway.packaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Base64StreamTest {

    private static byte[] decode(String encoded) throws IOException {
        try (InputStream in = new Base64Stream(new ByteArrayInputStream(encoded.getBytes(StandardCharsets.US_ASCII)))) {
            return in.readAllBytes();
        }
    }

    @Test
    void wrappedBase64DecodesAcrossBlocksWhateverItsLength() throws IOException {
        Random random = new Random(5);
        for (int size : new int[] {0, 1, 2, 3, 57, 49_151, 49_152, 200_003}) {
            byte[] bytes = new byte[size];
            random.nextBytes(bytes);
            assertArrayEquals(bytes, decode(Base64.getMimeEncoder().encodeToString(bytes) + "\r\n"), "size " + size);
            assertArrayEquals(bytes, decode(Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(bytes)), "LF lines, size " + size);
        }
    }

    @Test
    void strayCharactersAndMissingPaddingAreForgiven() throws IOException {
        assertArrayEquals("hello".getBytes(StandardCharsets.US_ASCII), decode(" aGVs\r\n bG8 \t\r\n"));
        assertArrayEquals("hello".getBytes(StandardCharsets.US_ASCII), decode("aGVsbG8=\r\n\r\n"));
        assertArrayEquals("hell".getBytes(StandardCharsets.US_ASCII), decode("aGVsbA"));
    }

    @Test
    void dataAfterThePaddingOrALoneCharacterIsDamage() {
        assertThrows(PartDecoding.DamagedContent.class, () -> decode("QUJD=REVG"));
        assertThrows(PartDecoding.DamagedContent.class, () -> decode("QUJDR"));
        assertThrows(PartDecoding.DamagedContent.class, () -> decode("QU=D"));
    }
}
