package dev.hikyaku.gateway.packaging.zip;

/**
 * How a {@link ZipWriter} compresses its entries.
 *
 * @param level                the Deflate level, 1 (fastest) to 9 (smallest); 0 stores every entry uncompressed
 * @param storeCompressedTypes whether files that are compressed already (JPEG, PNG, ZIP, Office documents,
 *                             video...), told by their name's extension, are stored instead of deflated: Deflate
 *                             would spend time and win nothing on them
 */
public record ZipOptions(int level, boolean storeCompressedTypes) {

    /** Deflate level 6 (zlib's and 7-Zip's default balance), compressed types stored. */
    public static final ZipOptions DEFAULT = new ZipOptions(6, true);

    /** Every entry stored uncompressed. */
    public static final ZipOptions STORE = new ZipOptions(0, true);

    /** Validated options. */
    public ZipOptions {
        if (level < 0 || level > 9) {
            throw new IllegalArgumentException("the Deflate level must be 0 to 9, not " + level);
        }
    }
}
