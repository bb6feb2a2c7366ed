package dev.hikyaku.gateway.packaging.zip;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes a zip archive entry by entry into a file, streaming: each entry's content is read once, in 64 KiB
 * buffers, whatever its size. Entries are plain or WinZip AE-2 AES-256 encrypted (method 99, extra field
 * 0x9901, CRC 0), which 7-Zip, WinZip, Zip4j and the Windows archivers that read AES zips open. Names are
 * UTF-8 (flag bit 11). Sizes go into the local headers, written back once an entry is done, so no data
 * descriptors are needed. Zip64 is not written: an archive that would need it is refused with a
 * {@link ZipLimitException}. Not thread-safe.
 */
public final class ZipWriter implements Closeable {
    private static final int BUFFER = 64 * 1024;
    /** 0xFFFFFFFF in a size or offset field means "see the Zip64 record"; anything up to it fits. */
    private static final long MAX_FIELD = 0xFFFFFFFEL;
    private static final int MAX_ENTRIES = 0xFFFF;
    private static final int LOCAL_HEADER = 30;
    private static final int CENTRAL_HEADER = 46;
    private static final int END_RECORD = 22;
    private static final int AES_EXTRA = 11;
    private static final int STORED = 0;
    private static final int DEFLATED = 8;
    private static final int AES = 99;
    private static final int FLAG_ENCRYPTED = 1;
    private static final int FLAG_UTF8 = 1 << 11;
    /**
     * Made by zip specification 6.3 on Unix (host 3), with rw-r--r-- regular files: Info-ZIP's unzip
     * re-encodes names of MS-DOS-made archives from an OEM code page, UTF-8 flag or not, and garbles them.
     */
    private static final int VERSION_MADE_BY = 3 << 8 | 63;
    private static final int UNIX_REGULAR_FILE = 0100644 << 16;

    private enum State { OPEN, FINISHED, FAILED }

    /** What the central directory needs to know of one written entry. */
    private record Written(byte[] name, int versionNeeded, int flags, int method, int dosTime, long crc,
                           long compressedSize, long size, byte[] extra, long offset) {
    }

    private final FileChannel channel;
    /** Where in the channel the archive begins; zip offsets count from here. */
    private final long base;
    private final ZipOptions options;
    private final char[] password;
    private final SecureRandom random;
    private final Deflater deflater;
    private final byte[] input = new byte[BUFFER];
    private final byte[] output = new byte[BUFFER];
    private final List<Written> entries = new ArrayList<>();
    private final Set<String> names = new HashSet<>();
    private long position;
    private State state = State.OPEN;

    private ZipWriter(FileChannel channel, ZipOptions options, char[] password, SecureRandom random)
            throws IOException {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.base = channel.position();
        this.options = Objects.requireNonNull(options, "options");
        this.password = password;
        this.random = random;
        this.deflater = new Deflater(Math.max(options.level(), 1), true);
    }

    /**
     * A writer of unencrypted entries into {@code channel}, from its current position on; the caller keeps
     * owning the channel.
     */
    public static ZipWriter plain(FileChannel channel, ZipOptions options) throws IOException {
        return new ZipWriter(channel, options, null, null);
    }

    /**
     * A writer of AES-256 entries protected by {@code password} (copied; the copy is cleared on close), with
     * salts from {@code random}, into {@code channel} from its current position on; the caller keeps owning
     * the channel.
     */
    public static ZipWriter aes256(FileChannel channel, char[] password, SecureRandom random, ZipOptions options)
            throws IOException {
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(random, "random");
        if (password.length == 0) {
            throw new IllegalArgumentException("an AES zip needs a password");
        }
        return new ZipWriter(channel, options, password.clone(), random);
    }

    /**
     * Adds one entry named {@code name} (a relative path with {@code /} between folders), stamped with
     * {@code modified} in the recipient's local time as zip keeps it, whose content is everything
     * {@code content} gives until its end (the stream is not closed). Deflated unless the options store it.
     *
     * @throws IllegalArgumentException when the name is not safe to extract (absolute, {@code ..}, control
     *                                  characters, backslashes) or is already in the archive
     * @throws ZipLimitException        when the entry or the archive would need Zip64; the writer is then unusable
     */
    public ZipEntryInfo add(String name, LocalDateTime modified, InputStream content) throws IOException {
        ensureOpen();
        byte[] nameBytes = EntryName.encode(name);
        Objects.requireNonNull(modified, "modified");
        Objects.requireNonNull(content, "content");
        if (names.contains(name)) {
            throw new IllegalArgumentException("the archive already holds an entry named " + name);
        }
        boolean failed = true;
        try {
            if (entries.size() >= MAX_ENTRIES) {
                throw new ZipLimitException("more than " + MAX_ENTRIES + " entries would need Zip64");
            }
            long offset = position;
            if (offset > MAX_FIELD) {
                throw new ZipLimitException("an archive beyond 4 GiB would need Zip64");
            }
            boolean deflate = options.level() > 0
                    && !(options.storeCompressedTypes() && CompressedTypes.isCompressed(name));
            int dataMethod = deflate ? DEFLATED : STORED;
            boolean encrypted = password != null;
            int method = encrypted ? AES : dataMethod;
            int flags = FLAG_UTF8 | (encrypted ? FLAG_ENCRYPTED : 0);
            int versionNeeded = encrypted ? 51 : deflate ? 20 : 10;
            byte[] extra = encrypted ? aesExtra(dataMethod) : new byte[0];
            int dosTime = DosTime.of(modified);
            write(localHeader(nameBytes, versionNeeded, flags, method, dosTime, extra));
            Copied copied = encrypted ? copyEncrypted(content, deflate) : copyPlain(content, deflate);
            ByteBuffer sizes = buffer(12).putInt((int) copied.crc()).putInt((int) copied.compressedSize())
                    .putInt((int) copied.size()).flip();
            writeAt(sizes, offset + 14);
            entries.add(new Written(nameBytes, versionNeeded, flags, method, dosTime, copied.crc(),
                    copied.compressedSize(), copied.size(), extra, offset));
            names.add(name);
            failed = false;
            return new ZipEntryInfo(name, copied.size(), copied.compressedSize(), deflate, encrypted);
        } finally {
            if (failed) {
                state = State.FAILED;
            }
        }
    }

    /**
     * Writes the central directory, which makes the archive complete, and returns the archive's length in bytes;
     * nothing can be added afterwards. Called by {@link #close()} when not called before.
     */
    public long finish() throws IOException {
        ensureOpen();
        state = State.FAILED;
        long directoryOffset = position;
        long directorySize = 0;
        for (Written entry : entries) {
            ByteBuffer header = centralHeader(entry);
            directorySize += header.remaining();
            write(header);
        }
        if (directoryOffset > MAX_FIELD || directorySize > MAX_FIELD) {
            throw new ZipLimitException("a central directory beyond 4 GiB would need Zip64");
        }
        write(buffer(END_RECORD).putInt(0x06054b50).putShort((short) 0).putShort((short) 0)
                .putShort((short) entries.size()).putShort((short) entries.size())
                .putInt((int) directorySize).putInt((int) directoryOffset).putShort((short) 0).flip());
        state = State.FINISHED;
        return position;
    }

    /**
     * Finishes the archive unless it is finished or a failure made it unusable, and clears the password copy;
     * the channel stays open.
     */
    @Override
    public void close() throws IOException {
        try {
            if (state == State.OPEN) {
                finish();
            }
        } finally {
            deflater.end();
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    /** One entry's figures once its content is written. */
    private record Copied(long size, long compressedSize, long crc) {
    }

    private Copied copyPlain(InputStream content, boolean deflate) throws IOException {
        CRC32 crc = new CRC32();
        long[] sizes = copy(content, deflate, null, crc);
        return new Copied(sizes[0], sizes[1], crc.getValue());
    }

    private Copied copyEncrypted(InputStream content, boolean deflate) throws IOException {
        byte[] salt = new byte[WinZipAesEncrypter.SALT_LENGTH];
        random.nextBytes(salt);
        WinZipAesEncrypter aes = new WinZipAesEncrypter(password, salt);
        write(ByteBuffer.wrap(salt));
        write(ByteBuffer.wrap(aes.verifier()));
        long[] sizes = copy(content, deflate, aes, null);
        write(ByteBuffer.wrap(aes.tag()));
        long compressedSize = sizes[1] + WinZipAesEncrypter.OVERHEAD;
        checkSize(compressedSize);
        // AE-2: the CRC is left out; the HMAC authenticates the data instead.
        return new Copied(sizes[0], compressedSize, 0);
    }

    /** Reads the content to its end; returns its size and the bytes written for it. */
    private long[] copy(InputStream content, boolean deflate, WinZipAesEncrypter aes, CRC32 crc)
            throws IOException {
        long size = 0;
        long written = 0;
        deflater.reset();
        for (int read = content.read(input); read > 0; read = content.read(input)) {
            size += read;
            checkSize(size);
            if (crc != null) {
                crc.update(input, 0, read);
            }
            if (deflate) {
                deflater.setInput(input, 0, read);
                while (!deflater.needsInput()) {
                    written += emit(output, deflater.deflate(output), aes);
                }
            } else {
                written += emit(input, read, aes);
            }
            checkSize(written);
        }
        if (deflate) {
            deflater.finish();
            while (!deflater.finished()) {
                written += emit(output, deflater.deflate(output), aes);
            }
            checkSize(written);
        }
        return new long[] {size, written};
    }

    private int emit(byte[] data, int length, WinZipAesEncrypter aes) throws IOException {
        if (length > 0) {
            if (aes != null) {
                aes.encrypt(data, 0, length);
            }
            write(ByteBuffer.wrap(data, 0, length));
        }
        return length;
    }

    private static void checkSize(long size) throws ZipLimitException {
        if (size > MAX_FIELD) {
            throw new ZipLimitException("an entry of 4 GiB or more would need Zip64");
        }
    }

    private static byte[] aesExtra(int dataMethod) {
        // Header 0x9901, 7 bytes: AE-2, vendor "AE", strength 3 (AES-256), the method of the data inside.
        return buffer(AES_EXTRA).putShort((short) 0x9901).putShort((short) 7).putShort((short) 2)
                .put((byte) 'A').put((byte) 'E').put((byte) 3).putShort((short) dataMethod).array();
    }

    private static ByteBuffer localHeader(byte[] name, int versionNeeded, int flags, int method, int dosTime,
                                          byte[] extra) {
        // CRC and sizes are written back at offset 14 once the entry's data is done.
        return buffer(LOCAL_HEADER + name.length + extra.length).putInt(0x04034b50)
                .putShort((short) versionNeeded).putShort((short) flags).putShort((short) method).putInt(dosTime)
                .putInt(0).putInt(0).putInt(0).putShort((short) name.length).putShort((short) extra.length)
                .put(name).put(extra).flip();
    }

    private static ByteBuffer centralHeader(Written entry) {
        return buffer(CENTRAL_HEADER + entry.name().length + entry.extra().length).putInt(0x02014b50)
                .putShort((short) VERSION_MADE_BY).putShort((short) entry.versionNeeded())
                .putShort((short) entry.flags()).putShort((short) entry.method()).putInt(entry.dosTime())
                .putInt((int) entry.crc()).putInt((int) entry.compressedSize()).putInt((int) entry.size())
                .putShort((short) entry.name().length).putShort((short) entry.extra().length)
                .putShort((short) 0).putShort((short) 0).putShort((short) 0).putInt(UNIX_REGULAR_FILE)
                .putInt((int) entry.offset())
                .put(entry.name()).put(entry.extra()).flip();
    }

    private static ByteBuffer buffer(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    private void write(ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            position += channel.write(bytes);
        }
    }

    private void writeAt(ByteBuffer bytes, long offset) throws IOException {
        long at = base + offset;
        while (bytes.hasRemaining()) {
            at += channel.write(bytes, at);
        }
    }

    private void ensureOpen() {
        if (state != State.OPEN) {
            throw new IllegalStateException(state == State.FINISHED ? "the archive is finished"
                    : "an earlier failure left the archive unusable");
        }
    }
}
