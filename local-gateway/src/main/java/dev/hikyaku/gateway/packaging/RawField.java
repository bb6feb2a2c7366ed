package dev.hikyaku.gateway.packaging;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One header field exactly as the message holds it, folded lines and line ends included, so that a field
 * left alone is written back byte for byte. A line that is no {@code name: value} has an empty name.
 *
 * @param name the field name as written, or empty
 * @param raw  the field's bytes
 */
record RawField(String name, byte[] raw) {
    private static final List<Charset> GUESSES = List.of(StandardCharsets.UTF_8, Charset.forName("windows-31j"));

    /** A field from its raw bytes. */
    static RawField of(byte[] raw) {
        int colon = -1;
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == ':') {
                colon = i;
                break;
            }
            if (raw[i] <= ' ' || raw[i] >= 0x7f) {
                break;
            }
        }
        String name = colon <= 0 ? "" : new String(raw, 0, colon, StandardCharsets.US_ASCII);
        return new RawField(name, raw);
    }

    /** Whether the field has this name, ignoring case. */
    boolean is(String fieldName) {
        return name.equalsIgnoreCase(fieldName);
    }

    /**
     * The value unfolded and stripped, as text: UTF-8 when it is valid UTF-8, Shift_JIS when that fits
     * (old Japanese mailers put raw file names there), otherwise byte for byte as ISO-8859-1.
     */
    String value() {
        int start = name.length() + 1;
        byte[] unfolded = new byte[raw.length - start];
        int length = 0;
        for (int i = start; i < raw.length; i++) {
            if (raw[i] != '\r' && raw[i] != '\n') {
                unfolded[length++] = raw[i];
            }
        }
        for (Charset charset : GUESSES) {
            try {
                return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(unfolded, 0, length)).toString().strip();
            } catch (CharacterCodingException e) {
                // Try the next guess.
            }
        }
        return new String(unfolded, 0, length, StandardCharsets.ISO_8859_1).strip();
    }
}
