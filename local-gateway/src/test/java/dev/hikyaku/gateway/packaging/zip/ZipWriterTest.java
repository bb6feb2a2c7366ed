package dev.hikyaku.gateway.packaging.zip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.gateway.packaging.SevenZip;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.lingala.zip4j.ZipFile;
import net.lingala.zip4j.exception.ZipException;
import net.lingala.zip4j.model.FileHeader;
import net.lingala.zip4j.model.enums.AesKeyStrength;
import net.lingala.zip4j.model.enums.AesVersion;
import net.lingala.zip4j.model.enums.CompressionMethod;
import net.lingala.zip4j.model.enums.EncryptionMethod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZipWriterTest {
    private static final String PASSWORD = "k7qm-2xhe-9taw-p4cz";
    private static final LocalDateTime TIME = LocalDateTime.of(2025, 6, 3, 10, 15, 42);

    @TempDir
    Path folder;

    /** Names and contents that cover stored and deflated, empty, one byte, Japanese names and several buffers. */
    private static Map<String, byte[]> entries() {
        byte[] random = new byte[300_000];
        new Random(7).nextBytes(random);
        String text = "お見積りの明細です。Quote details follow.\r\n".repeat(5000);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("見積書.pdf", random);
        entries.put("メモ.txt", text.getBytes(StandardCharsets.UTF_8));
        entries.put("写真.jpg", new byte[] {(byte) 0xff, (byte) 0xd8, 1, 2, 3});
        entries.put("empty.txt", new byte[0]);
        entries.put("one.bin", new byte[] {42});
        entries.put("folder/中身.csv", "a,b,c\n1,2,3\n".getBytes(StandardCharsets.UTF_8));
        return entries;
    }

    private Path write(String name, char[] password, ZipOptions options, Map<String, byte[]> entries)
            throws IOException {
        Path zip = folder.resolve(name);
        try (FileChannel channel = FileChannel.open(zip, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             ZipWriter writer = password == null ? ZipWriter.plain(channel, options)
                     : ZipWriter.aes256(channel, password, new SecureRandom(), options)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                ZipEntryInfo info = writer.add(entry.getKey(), TIME, new ByteArrayInputStream(entry.getValue()));
                assertEquals(entry.getValue().length, info.size());
                assertEquals(password != null, info.encrypted());
            }
        }
        return zip;
    }

    @Test
    void aesEntriesOpenInZip4jWithThePasswordAndAreAe2Aes256() throws IOException {
        Map<String, byte[]> entries = entries();
        Path zip = write("aes.zip", PASSWORD.toCharArray(), ZipOptions.DEFAULT, entries);
        try (ZipFile zip4j = new ZipFile(zip.toFile(), PASSWORD.toCharArray())) {
            List<FileHeader> headers = zip4j.getFileHeaders();
            assertEquals(List.copyOf(entries.keySet()), headers.stream().map(FileHeader::getFileName).toList());
            for (FileHeader header : headers) {
                assertTrue(header.isEncrypted());
                assertEquals(EncryptionMethod.AES, header.getEncryptionMethod());
                assertEquals(AesKeyStrength.KEY_STRENGTH_256, header.getAesExtraDataRecord().getAesKeyStrength());
                assertEquals(AesVersion.TWO, header.getAesExtraDataRecord().getAesVersion());
                assertEquals(0, header.getCrc(), "AE-2 leaves the CRC out");
                assertTrue(header.isFileNameUTF8Encoded());
                try (InputStream in = zip4j.getInputStream(header)) {
                    assertArrayEquals(entries.get(header.getFileName()), in.readAllBytes(), header.getFileName());
                }
            }
            CompressionMethod jpeg = headers.get(2).getAesExtraDataRecord().getCompressionMethod();
            CompressionMethod text = headers.get(1).getAesExtraDataRecord().getCompressionMethod();
            assertEquals(CompressionMethod.STORE, jpeg, "a JPEG is stored, not deflated again");
            assertEquals(CompressionMethod.DEFLATE, text);
            assertTrue(headers.get(1).getCompressedSize() < entries.get("メモ.txt").length / 10);
        }
    }

    @Test
    void aWrongPasswordDoesNotOpenTheAesZipInZip4j() throws IOException {
        Path zip = write("aes.zip", PASSWORD.toCharArray(), ZipOptions.DEFAULT, Map.of("a.txt", new byte[100]));
        try (ZipFile zip4j = new ZipFile(zip.toFile(), "wrong-password".toCharArray())) {
            FileHeader header = zip4j.getFileHeaders().get(0);
            assertThrows(ZipException.class, () -> {
                try (InputStream in = zip4j.getInputStream(header)) {
                    in.readAllBytes();
                }
            });
        }
    }

    @Test
    void sevenZipOpensTheAesZipWithThePasswordOnly() throws Exception {
        SevenZip.requireInstalled();
        Map<String, byte[]> entries = entries();
        Path zip = write("aes.zip", PASSWORD.toCharArray(), ZipOptions.DEFAULT, entries);

        SevenZip.Run test = SevenZip.test(zip, PASSWORD);
        assertEquals(0, test.exitCode(), test.text() + test.errors());
        SevenZip.Run listing = SevenZip.run("l", "-slt", "-p" + PASSWORD, zip.toString());
        assertTrue(listing.text().contains("Method = AES-256 Deflate"), listing.text());
        assertTrue(listing.text().contains("Method = AES-256 Store"), listing.text());
        for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
            assertTrue(listing.text().contains("Path = " + entry.getKey()), "the UTF-8 name " + entry.getKey());
            SevenZip.Run extracted = SevenZip.extract(zip, PASSWORD, entry.getKey());
            assertEquals(0, extracted.exitCode(), extracted.errors());
            assertArrayEquals(entry.getValue(), extracted.output(), entry.getKey());
        }
        SevenZip.Run wrong = SevenZip.test(zip, "wrong-password");
        assertNotEquals(0, wrong.exitCode());
        assertTrue((wrong.text() + wrong.errors()).contains("Wrong password"), wrong.text() + wrong.errors());
    }

    @Test
    void storedAesEntriesOpenToo() throws Exception {
        Map<String, byte[]> entries = entries();
        Path zip = write("store.zip", PASSWORD.toCharArray(), ZipOptions.STORE, entries);
        try (ZipFile zip4j = new ZipFile(zip.toFile(), PASSWORD.toCharArray())) {
            for (FileHeader header : zip4j.getFileHeaders()) {
                assertEquals(CompressionMethod.STORE, header.getAesExtraDataRecord().getCompressionMethod());
                try (InputStream in = zip4j.getInputStream(header)) {
                    assertArrayEquals(entries.get(header.getFileName()), in.readAllBytes());
                }
            }
        }
        if (Files.isExecutable(Path.of("/usr/bin/7z"))) {
            assertEquals(0, SevenZip.test(zip, PASSWORD).exitCode());
        }
    }

    @Test
    void aPlainZipOpensInTheJdkZip4jAndInfoZipUnzip() throws Exception {
        Map<String, byte[]> entries = entries();
        Path zip = write("plain.zip", null, ZipOptions.DEFAULT, entries);
        try (java.util.zip.ZipFile jdk = new java.util.zip.ZipFile(zip.toFile(), StandardCharsets.UTF_8)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                java.util.zip.ZipEntry found = jdk.getEntry(entry.getKey());
                assertEquals(TIME, found.getTimeLocal());
                try (InputStream in = jdk.getInputStream(found)) {
                    assertArrayEquals(entry.getValue(), in.readAllBytes(), entry.getKey());
                }
            }
        }
        try (ZipFile zip4j = new ZipFile(zip.toFile())) {
            assertFalse(zip4j.isEncrypted());
            assertTrue(zip4j.isValidZipFile());
        }
        if (Files.isExecutable(Path.of("/usr/bin/unzip"))) {
            Process unzip = new ProcessBuilder("unzip", "-t", zip.toString()).redirectErrorStream(true).start();
            String said = new String(unzip.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, unzip.waitFor(), said);
            assertTrue(said.contains("見積書.pdf"), "unzip reads the UTF-8 names: " + said);
        }
    }

    @Test
    void namesThatCouldEscapeTheTargetFolderAreRefused() throws IOException {
        Path zip = folder.resolve("names.zip");
        try (FileChannel channel = FileChannel.open(zip, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             ZipWriter writer = ZipWriter.plain(channel, ZipOptions.DEFAULT)) {
            for (String name : List.of("../evil.txt", "/etc/passwd", "a\\b.txt", "c:evil", "a//b", "a/./b", "",
                    "line\nbreak", "dir/")) {
                assertThrows(IllegalArgumentException.class,
                        () -> writer.add(name, TIME, new ByteArrayInputStream(new byte[0])), name);
            }
            writer.add("ok.txt", TIME, new ByteArrayInputStream(new byte[1]));
            assertThrows(IllegalArgumentException.class,
                    () -> writer.add("ok.txt", TIME, new ByteArrayInputStream(new byte[1])), "a duplicate");
        }
    }

    @Test
    void moreEntriesThanZipWithoutZip64AllowsAreRefusedAndTheArchiveIsNotFinished() throws IOException {
        Path zip = folder.resolve("many.zip");
        try (FileChannel channel = FileChannel.open(zip, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             ZipWriter writer = ZipWriter.plain(channel, ZipOptions.STORE)) {
            byte[] nothing = new byte[0];
            for (int i = 0; i < 0xFFFF; i++) {
                writer.add(Integer.toString(i), TIME, new ByteArrayInputStream(nothing));
            }
            assertThrows(ZipLimitException.class, () -> writer.add("one-too-many", TIME,
                    new ByteArrayInputStream(nothing)));
            assertThrows(IllegalStateException.class, writer::finish);
        }
        byte[] bytes = Files.readAllBytes(zip);
        byte[] end = {0x50, 0x4b, 0x05, 0x06};
        assertFalse(containsAt(bytes, end, bytes.length - 22), "no end record: the archive was not finished");
    }

    private static boolean containsAt(byte[] bytes, byte[] wanted, int at) {
        if (at < 0) {
            return false;
        }
        for (int i = 0; i < wanted.length; i++) {
            if (bytes[at + i] != wanted[i]) {
                return false;
            }
        }
        return true;
    }
}
