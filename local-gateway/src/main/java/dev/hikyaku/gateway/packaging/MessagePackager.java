package dev.hikyaku.gateway.packaging;

import dev.hikyaku.gateway.mime.AnalysisLimits;
import dev.hikyaku.gateway.mime.MessageAnalyser;
import dev.hikyaku.gateway.mime.MessageSummary;
import dev.hikyaku.gateway.packaging.note.NoteFacts;
import dev.hikyaku.gateway.packaging.note.NoteKind;
import dev.hikyaku.gateway.packaging.note.NoteTemplates;
import dev.hikyaku.gateway.packaging.passphrase.Passphrase;
import dev.hikyaku.gateway.packaging.passphrase.PassphraseGenerator;
import dev.hikyaku.gateway.packaging.passphrase.PassphraseRules;
import dev.hikyaku.gateway.packaging.zip.ZipEntryInfo;
import dev.hikyaku.gateway.packaging.zip.ZipLimitException;
import dev.hikyaku.gateway.packaging.zip.ZipOptions;
import dev.hikyaku.gateway.packaging.zip.ZipWriter;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Writes one recipient group's copy of a spooled message, packaged as its route deserves: attachments as they
 * are, or in one zip (plain, or AES-256 with a passphrase that never goes into mail) behind a short note in
 * Japanese and English saying what was done and how to open it. The visible header stays as the sender wrote
 * it, byte for byte, except the fields describing the MIME structure that a zip changes and the To and Cc
 * addresses a {@link HeaderTreatment} takes out. The message is hostile input: it is read in one streaming
 * pass within {@link AnalysisLimits}, attachments are decoded straight into the zip, and whatever the packager
 * cannot make sense of is a {@link PackagingException}, never a copy with attachments in clear. Thread-safe:
 * each call is independent.
 */
public final class MessagePackager {
    private static final String ZIP_NAME = "attachments.zip";
    private static final byte[] CRLF = {'\r', '\n'};

    private final NoteTemplates notes;
    private final PassphraseGenerator generator;
    private final SecureRandom random;
    private final Clock clock;
    private final AnalysisLimits limits;
    private final ZipOptions zipOptions;

    /**
     * A packager writing notes from {@code notes}, fresh passphrases from {@code generator}, salts and
     * boundaries from {@code random}, zip entry times from {@code clock} (in its zone), reading messages within
     * {@code limits} and compressing with {@code zipOptions}.
     */
    public MessagePackager(NoteTemplates notes, PassphraseGenerator generator, SecureRandom random, Clock clock,
                           AnalysisLimits limits, ZipOptions zipOptions) {
        this.notes = Objects.requireNonNull(notes, "notes");
        this.generator = Objects.requireNonNull(generator, "generator");
        this.random = Objects.requireNonNull(random, "random");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.zipOptions = Objects.requireNonNull(zipOptions, "zipOptions");
    }

    /**
     * Writes the copy of {@code message} packaged by {@code action}, with To and Cc treated by {@code headers},
     * into {@code output}, which must not exist yet (a temporary zip is made beside it and removed). On any
     * failure {@code output} is removed again.
     *
     * @throws PackagingException when the message cannot be packaged so (see {@link PackagingException.Reason})
     * @throws IOException        when a file cannot be read or written
     */
    public PackagingResult pack(Path message, PackagingAction action, HeaderTreatment headers, Path output)
            throws IOException, PackagingException {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(output, "output");
        boolean written = false;
        try (FileChannel original = FileChannel.open(message, StandardOpenOption.READ)) {
            PackagingResult result = action instanceof PackagingAction.AsIs
                    ? asIs(original, headers, output)
                    : zipped(message, original, action, headers, output);
            written = true;
            return result;
        } catch (Unpackable e) {
            throw new PackagingException(e.reason(), e.getMessage(), e);
        } finally {
            if (!written) {
                Files.deleteIfExists(output);
            }
        }
    }

    private PackagingResult asIs(FileChannel original, HeaderTreatment headers, Path output)
            throws IOException, Unpackable {
        if (headers.hidden().isEmpty()) {
            try (FileChannel copy = create(output); CopyOutput out = new CopyOutput(original, copy)) {
                out.copy(0, original.size());
                return new PackagingResult.AsIs(false, out.finish());
            }
        }
        Entity top = new StructureReader(limits).readHeader(stream(original));
        try (FileChannel copy = create(output); CopyOutput out = new CopyOutput(original, copy)) {
            boolean changed = headerAsIs(top, headers.hidden(), out);
            out.copy(top.fieldsEnd(), original.size());
            return new PackagingResult.AsIs(changed, out.finish());
        }
    }

    private PackagingResult zipped(Path message, FileChannel original, PackagingAction action,
                                   HeaderTreatment headers, Path output)
            throws IOException, PackagingException, Unpackable {
        Entity top = new StructureReader(limits).read(stream(original));
        List<Entity> attachments = new ArrayList<>();
        Optional<Pruning.Kept> kept = Pruning.prune(top, attachments);
        if (attachments.isEmpty()) {
            try (FileChannel copy = create(output); CopyOutput out = new CopyOutput(original, copy)) {
                boolean changed = headerAsIs(top, headers.hidden(), out);
                out.copy(top.fieldsEnd(), original.size());
                return new PackagingResult.NothingToZip(changed, out.finish());
            }
        }
        Optional<Passphrase> passphrase = Optional.empty();
        Optional<Passphrase> fresh = Optional.empty();
        String hint = "";
        NoteKind kind = NoteKind.PLAIN_ZIP;
        if (action instanceof PackagingAction.AesZip aes) {
            if (aes.passphrase() instanceof PassphraseSource.Agreed agreed) {
                Optional<String> problem = PassphraseRules.hintProblem(agreed.hint(), agreed.passphrase());
                if (problem.isPresent()) {
                    throw new PackagingException(PackagingException.Reason.BAD_HINT, problem.get(), null);
                }
                passphrase = Optional.of(agreed.passphrase());
                hint = agreed.hint().strip();
                kind = NoteKind.AES_AGREED;
            } else {
                fresh = Optional.of(generator.next());
                passphrase = fresh;
                kind = NoteKind.AES_FRESH;
            }
            refuseLeak(message, passphrase.get());
        }
        boolean done = false;
        try {
            PackagingResult result = write(original, top, kept, attachments, passphrase, fresh, kind, hint,
                    headers, output);
            done = true;
            return result;
        } finally {
            if (!done) {
                fresh.ifPresent(Passphrase::clear);
            }
        }
    }

    /** A sender who typed the passphrase into the mail (the PPAP habit) would send it along with the zip. */
    private void refuseLeak(Path message, Passphrase passphrase) throws IOException, PackagingException {
        MessageSummary summary = new MessageAnalyser(limits).analyse(message);
        if (passphrase.appearsIn(summary.subject()) || passphrase.appearsIn(summary.bodyText())
                || passphrase.appearsIn(String.join("\n", summary.attachmentNames()))) {
            throw new PackagingException(PackagingException.Reason.PASSPHRASE_IN_MESSAGE, "", null);
        }
    }

    private PackagingResult write(FileChannel original, Entity top, Optional<Pruning.Kept> kept,
                                  List<Entity> attachments, Optional<Passphrase> passphrase,
                                  Optional<Passphrase> fresh, NoteKind kind, String hint, HeaderTreatment headers,
                                  Path output) throws IOException, PackagingException {
        Path zip = temporaryZip(output);
        try {
            List<PackedFile> files = new ArrayList<>();
            long zipBytes = writeZip(original, attachments, passphrase, zip, files);
            String zipName = zipName(files);
            String note = notes.render(kind, new NoteFacts(zipName, files.stream().map(PackedFile::name).toList(),
                    hint));
            if (passphrase.isPresent() && passphrase.get().appearsIn(note)) {
                throw new PackagingException(PackagingException.Reason.PASSPHRASE_IN_MESSAGE, "note", null);
            }
            try (FileChannel copy = create(output); CopyOutput out = new CopyOutput(original, copy);
                 InputStream zipContent = Files.newInputStream(zip)) {
                String boundary = "=_hikyaku_" + HexFormat.of().formatHex(randomBytes(16));
                boolean changed = headerForZip(top, headers.hidden(), boundary, out);
                out.ascii("\r\nThis is a multi-part message in MIME format.\r\n");
                out.ascii("--" + boundary + "\r\n");
                out.ascii("Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n"
                        + "Content-Disposition: inline\r\n\r\n");
                out.base64(new ByteArrayInputStream(note.getBytes(StandardCharsets.UTF_8)));
                for (Pruning.Kept part : flatten(top, kept)) {
                    out.ascii("--" + boundary + "\r\n");
                    writeKept(part, top, out);
                    out.write(CRLF);
                }
                out.ascii("--" + boundary + "\r\n");
                String quotedName = parameterValue(zipName);
                out.ascii("Content-Type: application/zip;\r\n name=" + quotedName
                        + "\r\nContent-Transfer-Encoding: base64\r\nContent-Disposition: attachment;\r\n filename="
                        + quotedName + "\r\n\r\n");
                out.base64(zipContent);
                out.ascii("--" + boundary + "--\r\n");
                return new PackagingResult.Zipped(zipName, files, zipBytes, passphrase.isPresent(), fresh, changed,
                        out.finish());
            }
        } finally {
            Files.deleteIfExists(zip);
        }
    }

    private long writeZip(FileChannel original, List<Entity> attachments, Optional<Passphrase> passphrase, Path zip,
                          List<PackedFile> files) throws IOException, PackagingException {
        LocalDateTime now = LocalDateTime.now(clock);
        EntryNames names = new EntryNames();
        char[] password = passphrase.map(Passphrase::chars).orElse(null);
        try (FileChannel channel = FileChannel.open(zip, StandardOpenOption.WRITE);
             ZipWriter writer = password == null ? ZipWriter.plain(channel, zipOptions)
                     : ZipWriter.aes256(channel, password, random, zipOptions)) {
            for (Entity attachment : attachments) {
                Content content = attachment.content();
                String name = names.name(content.fileName(), content.type());
                InputStream raw = new RangeInputStream(original, attachment.bodyStart(), attachment.end());
                ZipEntryInfo entry;
                try {
                    entry = writer.add(name, now, PartDecoding.decode(raw, content.transferEncoding()));
                } catch (PartDecoding.DamagedContent e) {
                    throw new PackagingException(PackagingException.Reason.ATTACHMENT_DAMAGED, name, e);
                }
                files.add(new PackedFile(name, content.fileName(), content.type(), entry.size()));
            }
            return writer.finish();
        } catch (ZipLimitException e) {
            throw new PackagingException(PackagingException.Reason.TOO_LARGE, e.getMessage(), e);
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    /** The message's own fields with To and Cc treated, then its blank line and body as they are. */
    private static boolean headerAsIs(Entity top, Set<String> hidden, CopyOutput out) throws IOException {
        boolean changed = false;
        for (RawField field : top.header()) {
            changed |= addressField(field, hidden, out);
        }
        return changed;
    }

    /**
     * The message's own fields with To and Cc treated, the fields that describe its content moved to the kept
     * body, and a multipart/mixed Content-Type in the first one's place.
     */
    private static boolean headerForZip(Entity top, Set<String> hidden, String boundary, CopyOutput out)
            throws IOException {
        String contentType = "Content-Type: multipart/mixed;\r\n boundary=\"" + boundary + "\"\r\n";
        boolean changed = false;
        boolean typeWritten = false;
        boolean mimeVersion = false;
        for (RawField field : top.header()) {
            if (isContentField(field)) {
                if (!typeWritten) {
                    out.ascii(contentType);
                    typeWritten = true;
                }
                continue;
            }
            mimeVersion |= field.is("MIME-Version");
            changed |= addressField(field, hidden, out);
        }
        if (!mimeVersion) {
            out.ascii("MIME-Version: 1.0\r\n");
        }
        if (!typeWritten) {
            out.ascii(contentType);
        }
        return changed;
    }

    /** Writes a field, taking hidden addresses out of To and Cc; returns whether it changed. */
    private static boolean addressField(RawField field, Set<String> hidden, CopyOutput out) throws IOException {
        if (hidden.isEmpty() || !(field.is("To") || field.is("Cc"))) {
            out.write(field.raw());
            return false;
        }
        Optional<byte[]> treated = AddressFields.without(field, hidden);
        if (treated.isPresent()) {
            out.write(treated.get());
        }
        return treated.isEmpty() || treated.get() != field.raw();
    }

    private static boolean isContentField(RawField field) {
        return field.name().regionMatches(true, 0, "Content-", 0, "Content-".length());
    }

    /** The parts that stay, as parts of the copy's multipart/mixed: a mixed message's own parts are lifted up. */
    private static List<Pruning.Kept> flatten(Entity top, Optional<Pruning.Kept> kept) {
        if (kept.isEmpty()) {
            return List.of();
        }
        if (kept.get() instanceof Pruning.Rebuilt rebuilt && rebuilt.entity() == top
                && top.content().type().equals("multipart/mixed")) {
            return rebuilt.children();
        }
        return List.of(kept.get());
    }

    private static void writeKept(Pruning.Kept part, Entity top, CopyOutput out) throws IOException {
        Entity entity = part.entity();
        if (entity == top) {
            // The message's content fields become this part's header.
            for (RawField field : top.header()) {
                if (isContentField(field)) {
                    out.write(field.raw());
                }
            }
            out.write(CRLF);
        } else if (part instanceof Pruning.Whole) {
            out.copy(entity.start(), entity.end());
            return;
        } else {
            out.copy(entity.start(), entity.bodyStart());
        }
        if (part instanceof Pruning.Rebuilt rebuilt) {
            String boundary = entity.content().boundary().orElseThrow();
            for (Pruning.Kept child : rebuilt.children()) {
                out.ascii("--");
                out.write(boundary.getBytes(StandardCharsets.UTF_8));
                out.write(CRLF);
                writeKept(child, top, out);
                out.write(CRLF);
            }
            out.ascii("--");
            out.write(boundary.getBytes(StandardCharsets.UTF_8));
            out.ascii("--\r\n");
        } else {
            out.copy(entity.bodyStart(), entity.end());
        }
    }

    /** One attachment's zip is named after it ({@code 見積書.zip}); several make {@code attachments.zip}. */
    private static String zipName(List<PackedFile> files) {
        if (files.size() != 1) {
            return ZIP_NAME;
        }
        String name = files.get(0).name();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        return stem.isEmpty() ? ZIP_NAME : stem + ".zip";
    }

    /** A quoted parameter value; a non-ASCII name as RFC 2047 words inside the quotes, as Gmail and Outlook read. */
    private static String parameterValue(String name) throws IOException {
        boolean plain = name.chars().allMatch(c -> c >= 0x20 && c < 0x7f && c != '"' && c != '\\');
        String text = plain ? name : MimeUtility.encodeText(name, "UTF-8", "B");
        return "\"" + text + "\"";
    }

    private byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    private static InputStream stream(FileChannel channel) throws IOException {
        return new RangeInputStream(channel, 0, channel.size());
    }

    private static FileChannel create(Path output) throws IOException {
        return FileChannel.open(output, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }

    /** The zip is made beside the output, readable by its owner only: a plain zip holds the attachments in clear. */
    private static Path temporaryZip(Path output) throws IOException {
        Path folder = output.toAbsolutePath().getParent();
        boolean posix = folder.getFileSystem().supportedFileAttributeViews().contains("posix");
        FileAttribute<?>[] ownerOnly = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(
                        "rw-------"))}
                : new FileAttribute<?>[0];
        return Files.createTempFile(folder, ".zip-", ".tmp", ownerOnly);
    }
}
