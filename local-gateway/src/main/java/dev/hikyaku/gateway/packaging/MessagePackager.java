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
import dev.hikyaku.gateway.packaging.zip.ZipOptions;
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
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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
    private static final byte[] CRLF = {'\r', '\n'};

    private final NoteTemplates notes;
    private final PassphraseGenerator generator;
    private final SecureRandom random;
    private final AnalysisLimits limits;
    private final AttachmentZipper zipper;

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
        this.limits = Objects.requireNonNull(limits, "limits");
        this.zipper = new AttachmentZipper(random, Objects.requireNonNull(clock, "clock"),
                Objects.requireNonNull(zipOptions, "zipOptions"));
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
            boolean changed = CopyHeader.asWritten(top, headers.hidden(), out);
            out.copy(top.fieldsEnd(), original.size());
            return new PackagingResult.AsIs(changed, out.finish());
        }
    }

    /** How a zip copy is protected and what its note says. */
    private record Protection(Optional<Passphrase> passphrase, boolean fresh, NoteKind note, String hint) {
    }

    private PackagingResult zipped(Path message, FileChannel original, PackagingAction action,
                                   HeaderTreatment headers, Path output)
            throws IOException, PackagingException, Unpackable {
        Entity top = new StructureReader(limits).read(stream(original));
        List<Entity> attachments = new ArrayList<>();
        Optional<Pruning.Kept> kept = Pruning.prune(top, attachments);
        if (attachments.isEmpty()) {
            try (FileChannel copy = create(output); CopyOutput out = new CopyOutput(original, copy)) {
                boolean changed = CopyHeader.asWritten(top, headers.hidden(), out);
                out.copy(top.fieldsEnd(), original.size());
                return new PackagingResult.NothingToZip(changed, out.finish());
            }
        }
        Protection protection = protection(action);
        boolean done = false;
        try {
            if (protection.passphrase().isPresent()) {
                refuseLeak(message, protection.passphrase().get());
            }
            PackagingResult result = write(original, top, kept, attachments, protection, headers, output);
            done = true;
            return result;
        } finally {
            if (!done && protection.fresh()) {
                protection.passphrase().ifPresent(Passphrase::clear);
            }
        }
    }

    private Protection protection(PackagingAction action) throws PackagingException {
        if (!(action instanceof PackagingAction.AesZip aes)) {
            return new Protection(Optional.empty(), false, NoteKind.PLAIN_ZIP, "");
        }
        if (aes.passphrase() instanceof PassphraseSource.Agreed agreed) {
            Optional<String> problem = PassphraseRules.hintProblem(agreed.hint(), agreed.passphrase());
            if (problem.isPresent()) {
                throw new PackagingException(PackagingException.Reason.BAD_HINT, problem.get(), null);
            }
            return new Protection(Optional.of(agreed.passphrase()), false, NoteKind.AES_AGREED, agreed.hint().strip());
        }
        return new Protection(Optional.of(generator.next()), true, NoteKind.AES_FRESH, "");
    }

    /** A sender who typed the passphrase into the mail (the PPAP habit) would send it along with the zip. */
    private void refuseLeak(Path message, Passphrase passphrase) throws IOException, PackagingException {
        MessageSummary summary = new MessageAnalyser(limits).analyse(message);
        if (passphrase.appearsIn(summary.subject()) || passphrase.appearsIn(summary.bodyText())
                || passphrase.appearsIn(String.join("\n", summary.attachmentNames()))) {
            throw new PackagingException(PackagingException.Reason.PASSPHRASE_IN_MESSAGE, "", null);
        }
    }

    /** The copy: header, note, the kept body parts, the zip; each part between fresh boundaries. */
    private PackagingResult write(FileChannel original, Entity top, Optional<Pruning.Kept> kept,
                                  List<Entity> attachments, Protection protection, HeaderTreatment headers,
                                  Path output) throws IOException, PackagingException {
        Path zipFile = temporaryZip(output);
        try {
            AttachmentZipper.Zip zip = zipper.write(original, attachments, protection.passphrase(), zipFile);
            String note = notes.render(protection.note(), new NoteFacts(zip.name(),
                    zip.files().stream().map(PackedFile::name).toList(), protection.hint()));
            if (protection.passphrase().isPresent() && protection.passphrase().get().appearsIn(note)) {
                throw new PackagingException(PackagingException.Reason.PASSPHRASE_IN_MESSAGE, "note", null);
            }
            try (FileChannel copy = create(output); CopyOutput out = new CopyOutput(original, copy);
                 InputStream zipContent = Files.newInputStream(zipFile)) {
                String boundary = "=_hikyaku_" + HexFormat.of().formatHex(randomBytes(16));
                boolean changed = CopyHeader.forZip(top, headers.hidden(), boundary, out);
                out.ascii("\r\nThis is a multi-part message in MIME format.\r\n");
                out.ascii("--" + boundary + "\r\n");
                out.ascii("Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n"
                        + "Content-Disposition: inline\r\n\r\n");
                out.base64(new ByteArrayInputStream(note.getBytes(StandardCharsets.UTF_8)));
                for (Pruning.Kept part : KeptParts.of(top, kept)) {
                    out.ascii("--" + boundary + "\r\n");
                    KeptParts.write(part, top, out);
                    out.write(CRLF);
                }
                out.ascii("--" + boundary + "\r\n");
                String quotedName = parameterValue(zip.name());
                out.ascii("Content-Type: application/zip;\r\n name=" + quotedName
                        + "\r\nContent-Transfer-Encoding: base64\r\nContent-Disposition: attachment;\r\n filename="
                        + quotedName + "\r\n\r\n");
                out.base64(zipContent);
                out.ascii("--" + boundary + "--\r\n");
                Optional<Passphrase> forSender = protection.fresh() ? protection.passphrase() : Optional.empty();
                return new PackagingResult.Zipped(zip.name(), zip.files(), zip.bytes(),
                        protection.passphrase().isPresent(), forSender, changed, out.finish());
            }
        } finally {
            Files.deleteIfExists(zipFile);
        }
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
