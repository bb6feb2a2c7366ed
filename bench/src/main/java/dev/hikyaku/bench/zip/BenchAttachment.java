package dev.hikyaku.bench.zip;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * The 25 MiB attachment both archivers pack, written once: like a PDF of scans with some text, each MiB holds
 * 7/8 incompressible bytes (as compressed images are) and 1/8 business text with varying figures, so Deflate
 * has real work on part of it and none to gain on the rest. Seeded, so every run packs the same bytes.
 */
final class BenchAttachment {
    static final int SIZE = 25 * 1024 * 1024;
    static final String NAME = "quarterly-report.pdf";
    private static final int BLOCK = 1024 * 1024;
    private static final int TEXT_PER_BLOCK = BLOCK / 8;

    private BenchAttachment() {
    }

    static Path write(Path folder) throws IOException {
        Path file = folder.resolve(NAME);
        Random random = new Random(20250603);
        byte[] block = new byte[BLOCK];
        try (OutputStream out = Files.newOutputStream(file)) {
            int line = 0;
            for (int written = 0; written < SIZE; written += BLOCK) {
                random.nextBytes(block);
                StringBuilder text = new StringBuilder(TEXT_PER_BLOCK + 200);
                while (text.length() < TEXT_PER_BLOCK) {
                    text.append(String.format("%06d,見積書,Quote item %d,%d,%d.%02d JPY,東京支店\n", line, line % 97,
                            random.nextInt(500), random.nextInt(100_000), random.nextInt(100)));
                    line++;
                }
                byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
                System.arraycopy(bytes, 0, block, BLOCK - TEXT_PER_BLOCK, TEXT_PER_BLOCK);
                out.write(block);
            }
        }
        return file;
    }
}
