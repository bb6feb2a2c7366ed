package dev.hikyaku.gateway.packaging.zip;

import java.util.Locale;
import java.util.Set;

/** File name extensions of formats that are compressed already, so that Deflate would only spend time on them. */
final class CompressedTypes {
    private static final Set<String> EXTENSIONS = Set.of(
            "zip", "7z", "rar", "gz", "tgz", "bz2", "xz", "zst", "lzh", "cab", "jar",
            "docx", "xlsx", "pptx", "docm", "xlsm", "pptm", "odt", "ods", "odp", "epub",
            "jpg", "jpeg", "png", "gif", "webp", "heic", "heif", "avif",
            "mp3", "m4a", "aac", "ogg", "opus", "flac",
            "mp4", "m4v", "mov", "avi", "mkv", "webm", "wmv");

    private CompressedTypes() {
    }

    /** Whether the name ends in the extension of an already compressed format. */
    static boolean isCompressed(String name) {
        int dot = name.lastIndexOf('.');
        return dot >= 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
