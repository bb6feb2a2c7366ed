package dev.hikyaku.gateway.packaging.zip;

import java.nio.charset.StandardCharsets;

/** Checks that an entry name is safe to extract anywhere: relative, no {@code ..}, no control characters. */
final class EntryName {
    private static final int MAX_BYTES = 0xFFFF;

    private EntryName() {
    }

    /** The name's UTF-8 bytes; throws when the name could escape the folder it is extracted to or is malformed. */
    static byte[] encode(String name) {
        if (name.isEmpty() || name.startsWith("/") || name.endsWith("/")) {
            throw new IllegalArgumentException("an entry name must be a relative file name");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\\' || c == ':') {
                throw new IllegalArgumentException("an entry name may hold no control characters, '\\' or ':'");
            }
            if (Character.isSurrogate(c) && !validSurrogatePair(name, i)) {
                throw new IllegalArgumentException("an entry name holds a broken UTF-16 surrogate");
            }
            if (Character.isHighSurrogate(c)) {
                i++;
            }
        }
        for (String segment : name.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("an entry name may hold no empty, '.' or '..' segments");
            }
        }
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_BYTES) {
            throw new IllegalArgumentException("an entry name is longer than 65535 bytes");
        }
        return bytes;
    }

    private static boolean validSurrogatePair(String name, int i) {
        return Character.isHighSurrogate(name.charAt(i)) && i + 1 < name.length()
                && Character.isLowSurrogate(name.charAt(i + 1));
    }
}
