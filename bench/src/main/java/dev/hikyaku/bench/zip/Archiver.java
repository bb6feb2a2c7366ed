package dev.hikyaku.bench.zip;

import dev.hikyaku.gateway.packaging.zip.ZipOptions;
import dev.hikyaku.gateway.packaging.zip.ZipWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.lingala.zip4j.ZipFile;
import net.lingala.zip4j.model.ZipParameters;
import net.lingala.zip4j.model.enums.AesKeyStrength;
import net.lingala.zip4j.model.enums.AesVersion;
import net.lingala.zip4j.model.enums.CompressionLevel;
import net.lingala.zip4j.model.enums.CompressionMethod;
import net.lingala.zip4j.model.enums.EncryptionMethod;

/** One way to pack a file into an AES-256 zip, deflated (each tool's default level) or stored. */
interface Archiver {

    /** The row label. */
    String name();

    /** Packs {@code source} into the new file {@code zip} with {@code password}. */
    void pack(Path source, Path zip, String password, boolean store) throws IOException, InterruptedException;

    /** Hikyaku's streaming writer: JDK AES (AES-NI) and HmacSHA1, java.util.zip's Deflater at level 6. */
    final class Ours implements Archiver {
        private final SecureRandom random = new SecureRandom();

        @Override
        public String name() {
            return "Hikyaku ZipWriter";
        }

        @Override
        public void pack(Path source, Path zip, String password, boolean store) throws IOException {
            try (FileChannel channel = FileChannel.open(zip, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                 ZipWriter writer = ZipWriter.aes256(channel, password.toCharArray(), random,
                         store ? ZipOptions.STORE : ZipOptions.DEFAULT);
                 InputStream in = Files.newInputStream(source)) {
                writer.add(source.getFileName().toString(), LocalDateTime.now(), in);
            }
        }
    }

    /** The {@code 7z} tool, timed from process start to exit: {@code 7z a -tzip -mem=AES256 -p... [-mx0]}. */
    final class SevenZip implements Archiver {
        @Override
        public String name() {
            return "7z (p7zip)";
        }

        @Override
        public void pack(Path source, Path zip, String password, boolean store)
                throws IOException, InterruptedException {
            List<String> command = store
                    ? List.of("7z", "a", "-tzip", "-mem=AES256", "-mx0", "-p" + password, zip.toString(),
                            source.toString())
                    : List.of("7z", "a", "-tzip", "-mem=AES256", "-p" + password, zip.toString(), source.toString());
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IOException("7z did not finish");
            }
            if (process.exitValue() != 0) {
                throw new IOException("7z exited with " + process.exitValue());
            }
        }

        /** Whether 7z is on this machine. */
        static boolean installed() {
            return Files.isExecutable(Path.of("/usr/bin/7z"));
        }
    }

    /** Zip4j's own AES writer (pure-Java AES), AE-2 AES-256, its default Deflate level. */
    final class Zip4j implements Archiver {
        @Override
        public String name() {
            return "Zip4j (its own pure-Java AES)";
        }

        @Override
        public void pack(Path source, Path zip, String password, boolean store) throws IOException {
            ZipParameters parameters = new ZipParameters();
            parameters.setEncryptFiles(true);
            parameters.setEncryptionMethod(EncryptionMethod.AES);
            parameters.setAesKeyStrength(AesKeyStrength.KEY_STRENGTH_256);
            parameters.setAesVersion(AesVersion.TWO);
            parameters.setCompressionMethod(store ? CompressionMethod.STORE : CompressionMethod.DEFLATE);
            parameters.setCompressionLevel(CompressionLevel.NORMAL);
            try (ZipFile file = new ZipFile(zip.toFile(), password.toCharArray())) {
                file.addFile(source.toFile(), parameters);
            }
        }
    }
}
