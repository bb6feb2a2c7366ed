package dev.hikyaku.gateway.packaging;

import dev.hikyaku.gateway.packaging.passphrase.Passphrase;
import dev.hikyaku.gateway.packaging.zip.ZipEntryInfo;
import dev.hikyaku.gateway.packaging.zip.ZipLimitException;
import dev.hikyaku.gateway.packaging.zip.ZipOptions;
import dev.hikyaku.gateway.packaging.zip.ZipWriter;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Decodes a message's attachments straight from the message file into one zip, under safe entry names. */
final class AttachmentZipper {
    private static final String SEVERAL = "attachments.zip";

    /** The zip written: its size, what went in, and the name it gets in the copy. */
    record Zip(long bytes, List<PackedFile> files, String name) {
        Zip {
            files = List.copyOf(files);
        }
    }

    private final SecureRandom random;
    private final Clock clock;
    private final ZipOptions options;

    AttachmentZipper(SecureRandom random, Clock clock, ZipOptions options) {
        this.random = random;
        this.clock = clock;
        this.options = options;
    }

    /** Writes the attachments into the existing empty file {@code zip}, AES-256 when a passphrase is given. */
    Zip write(FileChannel message, List<Entity> attachments, Optional<Passphrase> passphrase, Path zip)
            throws IOException, PackagingException {
        LocalDateTime now = LocalDateTime.now(clock);
        EntryNames names = new EntryNames();
        List<PackedFile> files = new ArrayList<>();
        char[] password = passphrase.map(Passphrase::chars).orElse(null);
        try (FileChannel channel = FileChannel.open(zip, StandardOpenOption.WRITE);
             ZipWriter writer = password == null ? ZipWriter.plain(channel, options)
                     : ZipWriter.aes256(channel, password, random, options)) {
            for (Entity attachment : attachments) {
                Content content = attachment.content();
                String name = names.name(content.fileName(), content.type());
                // Buffered: Jakarta Mail's quoted-printable decoder reads a byte at a time.
                InputStream raw = new BufferedInputStream(new RangeInputStream(message, attachment.bodyStart(),
                        attachment.end()), 64 * 1024);
                ZipEntryInfo entry;
                try {
                    entry = writer.add(name, now, PartDecoding.decode(raw, content.transferEncoding()));
                } catch (PartDecoding.DamagedContent e) {
                    throw new PackagingException(PackagingException.Reason.ATTACHMENT_DAMAGED, name, e);
                }
                files.add(new PackedFile(name, content.fileName(), content.type(), entry.size()));
            }
            return new Zip(writer.finish(), files, zipName(files));
        } catch (ZipLimitException e) {
            throw new PackagingException(PackagingException.Reason.TOO_LARGE, e.getMessage(), e);
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    /** One attachment's zip is named after it ({@code 見積書.zip}); several make {@code attachments.zip}. */
    private static String zipName(List<PackedFile> files) {
        if (files.size() != 1) {
            return SEVERAL;
        }
        String name = files.get(0).name();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        return stem.isEmpty() ? SEVERAL : stem + ".zip";
    }
}
