package dev.hikyaku.gateway.mime;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Charset names as mail writes them, mapped to what the mail meant, and a guess for text that names none.
 * Japanese mail labelled Shift_JIS or ISO-2022-JP is in practice Microsoft's variants (with ① and ㈱),
 * and ISO-8859-1 is in practice windows-1252, so those labels decode with the supersets.
 */
final class MailCharsets {
    private static final Charset WINDOWS_31J = Charset.forName("windows-31j");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Charset EUC_JP = Charset.forName("EUC-JP");
    private static final Charset ISO_2022_JP = iso2022jp();
    private static final Map<String, Charset> SUPERSETS = Map.ofEntries(
            Map.entry("shift_jis", WINDOWS_31J), Map.entry("shift-jis", WINDOWS_31J),
            Map.entry("sjis", WINDOWS_31J), Map.entry("x-sjis", WINDOWS_31J), Map.entry("ms_kanji", WINDOWS_31J),
            Map.entry("csshiftjis", WINDOWS_31J), Map.entry("cp932", WINDOWS_31J), Map.entry("ms932", WINDOWS_31J),
            Map.entry("iso-2022-jp", ISO_2022_JP), Map.entry("csiso2022jp", ISO_2022_JP),
            Map.entry("iso-8859-1", WINDOWS_1252), Map.entry("latin1", WINDOWS_1252),
            Map.entry("us-ascii", WINDOWS_1252), Map.entry("ascii", WINDOWS_1252),
            Map.entry("utf8", StandardCharsets.UTF_8));

    private MailCharsets() {
    }

    private static Charset iso2022jp() {
        try {
            return Charset.forName("x-windows-iso2022jp");
        } catch (IllegalArgumentException e) {
            return Charset.forName("ISO-2022-JP");
        }
    }

    /** The charset a label means, or empty when the label is unknown here. */
    static Optional<Charset> forLabel(String label) {
        String name = label.strip().replace("\"", "").toLowerCase(Locale.ROOT);
        int language = name.indexOf('*');
        if (language >= 0) {
            name = name.substring(0, language);
        }
        Charset superset = SUPERSETS.get(name);
        if (superset != null) {
            return Optional.of(superset);
        }
        if (name.isEmpty() || name.length() > 40) {
            return Optional.empty();
        }
        try {
            return Optional.of(Charset.forName(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whether the label names US-ASCII, which mail software also writes when it wrote nothing at all. */
    static boolean isAsciiLabel(String label) {
        String name = label.strip().toLowerCase(Locale.ROOT);
        return name.equals("us-ascii") || name.equals("ascii");
    }

    /** Decodes with the given charset, replacing what it cannot decode. */
    static String decode(byte[] bytes, int length, Charset charset) {
        return new String(bytes, 0, length, charset);
    }

    /**
     * Decodes bytes whose charset is unknown: plain ASCII, then ISO-2022-JP when escape sequences show it,
     * then UTF-8, Shift_JIS (Microsoft's) and EUC-JP if the bytes are valid in them, else windows-1252.
     */
    static String guess(byte[] bytes, int length) {
        return new String(bytes, 0, length, guessCharset(bytes, length));
    }

    /** The charset {@link #guess} would use. */
    static Charset guessCharset(byte[] bytes, int length) {
        boolean ascii = true;
        boolean escape = false;
        for (int i = 0; i < length; i++) {
            if (bytes[i] < 0) {
                ascii = false;
                break;
            }
            if (bytes[i] == 0x1b) {
                escape = true;
            }
        }
        if (ascii) {
            return escape ? ISO_2022_JP : StandardCharsets.US_ASCII;
        }
        for (Charset candidate : new Charset[] {StandardCharsets.UTF_8, WINDOWS_31J, EUC_JP}) {
            if (decodesCleanly(bytes, length, candidate)) {
                return candidate;
            }
        }
        return WINDOWS_1252;
    }

    private static boolean decodesCleanly(byte[] bytes, int length, Charset charset) {
        try {
            charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, length));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
