package dev.hikyaku.gateway.packaging;

import static dev.hikyaku.gateway.mime.TestMessages.base64;
import static dev.hikyaku.gateway.mime.TestMessages.encodedWord;
import static dev.hikyaku.gateway.mime.TestMessages.lines;
import static dev.hikyaku.gateway.mime.TestMessages.percentEncoded;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.gateway.mime.AnalysisLimits;
import dev.hikyaku.gateway.mime.MessageAnalyser;
import dev.hikyaku.gateway.mime.MessageSummary;
import dev.hikyaku.gateway.packaging.note.NoteTemplates;
import dev.hikyaku.gateway.packaging.passphrase.Passphrase;
import dev.hikyaku.gateway.packaging.passphrase.PassphraseGenerator;
import dev.hikyaku.gateway.packaging.zip.ZipOptions;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import net.lingala.zip4j.ZipFile;
import net.lingala.zip4j.exception.ZipException;
import net.lingala.zip4j.model.FileHeader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MessagePackagerTest {
    private static final String AGREED = "Tsuki-ga-Kirei-1207";
    private static final String HINT = "the one we agreed at the June meeting";
    private static final String PDF_NAME = "見積書.pdf";
    private static final String XLSX_NAME = "明細.xlsx";

    @TempDir
    Path folder;

    private final SecureRandom random = new SecureRandom();
    private final Clock clock = Clock.fixed(Instant.parse("2025-06-03T01:15:00Z"), ZoneId.of("Asia/Tokyo"));
    private final MessagePackager packager = new MessagePackager(NoteTemplates.defaults(),
            new PassphraseGenerator(random), random, clock, AnalysisLimits.DEFAULT, ZipOptions.DEFAULT);
    private final byte[] pdf = randomBytes(200_000, 1);
    private final byte[] xlsx = randomBytes(5_000, 2);
    private final byte[] png = randomBytes(300, 3);

    private static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    /** The top header of the quote, each field as the test expects to find it again. */
    private static final List<String> HEADER = List.of(
            "From: " + encodedWord("山田 太郎", "ISO-2022-JP") + " <taro@example.co.jp>",
            "To: Hanako <hanako@partner.example>, jiro@other.example,",
            " \"Tanaka, Ichiro\" <ichiro@other.example>",
            "Cc: \"Sales Team\" <sales@example.co.jp>",
            "Subject: " + encodedWord("お見積りのご送付", "ISO-2022-JP"),
            " " + encodedWord("（至急）", "ISO-2022-JP"),
            "Date: Tue, 3 Jun 2025 10:15:00 +0900 (JST)",
            "Message-ID: <quote-1@example.co.jp>",
            "X-Mailer: Microsoft Outlook 16.0",
            "MIME-Version: 1.0");

    /**
     * An Outlook-style quote: text and HTML alternatives, the HTML with an inline image, a PDF with an RFC 2231
     * Japanese name and a spreadsheet with an RFC 2047 name in quotes.
     */
    private byte[] quote(String bodyText) {
        List<String> all = new ArrayList<>(HEADER);
        all.addAll(List.of(
                "Content-Type: multipart/mixed; boundary=\"outer\"",
                "",
                "This is a multi-part message in MIME format.",
                "--outer",
                "Content-Type: multipart/alternative; boundary=\"alt\"",
                "",
                "--alt",
                "Content-Type: text/plain; charset=UTF-8",
                "Content-Transfer-Encoding: base64",
                "",
                base64(bodyText, "UTF-8"),
                "--alt",
                "Content-Type: multipart/related; boundary=\"rel\"",
                "",
                "--rel",
                "Content-Type: text/html; charset=UTF-8",
                "Content-Transfer-Encoding: quoted-printable",
                "",
                "<html><body><p>Quote attached.</p><img src=3D\"cid:logo\"></body></html>",
                "--rel",
                "Content-Type: image/png",
                "Content-ID: <logo>",
                "Content-Disposition: inline",
                "Content-Transfer-Encoding: base64",
                "",
                base64(png),
                "--rel--",
                "--alt--",
                "--outer",
                "Content-Type: application/pdf",
                "Content-Disposition: attachment; filename*=UTF-8''" + percentEncoded(PDF_NAME),
                "Content-Transfer-Encoding: base64",
                "",
                base64(pdf),
                "--outer",
                "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet;",
                " name=\"" + encodedWord(XLSX_NAME, "ISO-2022-JP") + "\"",
                "Content-Disposition: attachment; filename=\"" + encodedWord(XLSX_NAME, "ISO-2022-JP") + "\"",
                "Content-Transfer-Encoding: base64",
                "",
                base64(xlsx),
                "--outer--",
                ""));
        return lines(all.toArray(String[]::new)).getBytes(StandardCharsets.ISO_8859_1);
    }

    private Path message(byte[] bytes) throws IOException {
        Path file = Files.createTempFile(folder, "message-", ".eml");
        Files.write(file, bytes);
        return file;
    }

    private Path output() {
        return folder.resolve("copy-" + System.nanoTime() + ".eml");
    }

    private static PackagingAction agreed() {
        return new PackagingAction.AesZip(new PassphraseSource.Agreed(Passphrase.of(AGREED.toCharArray()), HINT));
    }

    private static byte[] entry(ZipFile zip, String name) throws IOException {
        FileHeader header = zip.getFileHeader(name);
        assertTrue(header != null, "the zip holds " + name);
        try (InputStream in = zip.getInputStream(header)) {
            return in.readAllBytes();
        }
    }

    @Test
    void asIsWithTheHeaderAsWrittenLeavesTheMessageByteForByte() throws Exception {
        byte[] original = quote("Please find the quote attached.");
        Path output = output();
        PackagingResult result = packager.pack(message(original), new PackagingAction.AsIs(),
                new HeaderTreatment.AsWritten(), output);
        assertEquals(new PackagingResult.AsIs(false, original.length), result);
        assertArrayEquals(original, Files.readAllBytes(output));
    }

    @Test
    void anAgreedPassphraseZipOpensWithItAndNoAttachedByteIsLeftInClear() throws Exception {
        byte[] original = quote("Please find the quote attached.");
        Path output = output();
        PackagingResult.Zipped result = assertInstanceOf(PackagingResult.Zipped.class,
                packager.pack(message(original), agreed(), new HeaderTreatment.AsWritten(), output));

        assertEquals("attachments.zip", result.zipName());
        assertEquals(List.of("attachment-1.png", PDF_NAME, XLSX_NAME),
                result.files().stream().map(PackedFile::name).toList());
        assertEquals(List.of(300L, 200_000L, 5_000L), result.files().stream().map(PackedFile::size).toList());
        assertTrue(result.encrypted());
        assertTrue(result.passphraseForSender().isEmpty());
        assertFalse(result.headersChanged());

        PackagedCopy copy = new PackagedCopy(output);
        Path zip = copy.zip(folder.resolve("attachments.zip"));
        assertEquals(result.zipBytes(), Files.size(zip));
        try (ZipFile zip4j = new ZipFile(zip.toFile(), AGREED.toCharArray())) {
            assertArrayEquals(pdf, entry(zip4j, PDF_NAME));
            assertArrayEquals(xlsx, entry(zip4j, XLSX_NAME));
            assertArrayEquals(png, entry(zip4j, "attachment-1.png"));
        }
        try (ZipFile wrong = new ZipFile(zip.toFile(), "tsuki-ga-kirei-1208".toCharArray())) {
            assertThrows(ZipException.class, () -> entry(wrong, PDF_NAME));
        }
        if (Files.isExecutable(Path.of("/usr/bin/7z"))) {
            SevenZip.Run extracted = SevenZip.extract(zip, AGREED, PDF_NAME);
            assertEquals(0, extracted.exitCode(), extracted.errors());
            assertArrayEquals(pdf, extracted.output());
            assertTrue(SevenZip.test(zip, "wrong-passphrase").exitCode() != 0);
        }

        for (byte[] attached : List.of(pdf, xlsx, png)) {
            assertFalse(copy.contains(Arrays.copyOfRange(attached, 100, 164)), "a raw chunk of an attachment");
            for (int shift = 0; shift < 3; shift++) {
                String encoded = Base64.getEncoder().encodeToString(Arrays.copyOfRange(attached, 100 + shift, 160));
                assertFalse(copy.containsUnwrapped(encoded.substring(4, encoded.length() - 4)), "a base64 chunk");
            }
        }
        String middleLine = base64(pdf).split("\r\n")[100];
        assertFalse(copy.contains(middleLine), "the attachment's base64 lines are gone");
        assertFalse(copy.contains(AGREED), "the passphrase is nowhere in the copy");
        assertFalse(copy.note().toLowerCase(Locale.ROOT).contains(AGREED.toLowerCase(Locale.ROOT)));
        assertTrue(copy.note().contains("ヒント: " + HINT) && copy.note().contains("Hint: " + HINT), copy.note());
        assertTrue(copy.note().indexOf("添付ファイル") < copy.note().indexOf("The attachments"), "ja, then en");
    }

    @Test
    void theVisibleHeaderStaysByteForByteAndTheBodyKeepsItsTextInOrder() throws Exception {
        byte[] original = quote("Please find the quote attached.");
        Path output = output();
        packager.pack(message(original), agreed(), new HeaderTreatment.AsWritten(), output);
        PackagedCopy copy = new PackagedCopy(output);

        List<String> header = PackagedCopy.headerLines(copy.bytes);
        assertEquals(HEADER, header.subList(0, HEADER.size()), "every field and fold as written, in order");
        assertEquals(List.of("Content-Type: multipart/mixed;"), header.subList(HEADER.size(), HEADER.size() + 1));
        assertTrue(header.get(HEADER.size() + 1).startsWith(" boundary=\"=_hikyaku_"));
        assertEquals(HEADER.size() + 2, header.size());

        List<BodyPart> parts = copy.parts();
        assertEquals(3, parts.size());
        assertTrue(parts.get(0).isMimeType("text/plain"));
        assertEquals("utf-8", parts.get(0).getContentType().replaceAll(".*charset=", "").toLowerCase(Locale.ROOT));
        assertTrue(parts.get(1).isMimeType("multipart/alternative"));
        MimeMultipart alternative = (MimeMultipart) parts.get(1).getContent();
        assertEquals(2, alternative.getCount());
        assertEquals("Please find the quote attached.", alternative.getBodyPart(0).getContent());
        assertTrue(alternative.getBodyPart(1).isMimeType("text/html"), "the related part without its image");
        assertTrue(parts.get(2).isMimeType("application/zip"));
        assertEquals("attachments.zip", parts.get(2).getFileName());

        MessageSummary summary = new MessageAnalyser().analyse(copy.bytes);
        assertEquals(List.of("attachments.zip"), summary.attachmentNames());
        assertEquals(List.of(), summary.problems());
        assertEquals("お見積りのご送付（至急）", summary.subject());
    }

    @Test
    void aFreshPassphraseIsHandedToTheSenderAndNeverWritten() throws Exception {
        SevenZip.requireInstalled();
        Path output = output();
        PackagingResult.Zipped result = assertInstanceOf(PackagingResult.Zipped.class, packager.pack(
                message(quote("Quote attached.")), new PackagingAction.AesZip(new PassphraseSource.Fresh()),
                new HeaderTreatment.AsWritten(), output));
        Passphrase passphrase = result.passphraseForSender().orElseThrow();
        String text = new String(passphrase.chars());
        assertFalse(result.toString().contains(text), result.toString());

        PackagedCopy copy = new PackagedCopy(output);
        assertFalse(copy.contains(text));
        assertTrue(copy.note().contains("電話やチャット") && copy.note().contains("by phone or chat"), copy.note());
        Path zip = copy.zip(folder.resolve("fresh.zip"));
        SevenZip.Run extracted = SevenZip.extract(zip, text, XLSX_NAME);
        assertEquals(0, extracted.exitCode(), extracted.errors());
        assertArrayEquals(xlsx, extracted.output());
        SevenZip.Run listing = SevenZip.run("l", "-slt", "-p" + text, zip.toString());
        assertTrue(listing.text().contains("Path = " + PDF_NAME), "the Japanese name survives: " + listing.text());
        assertTrue(listing.text().contains("AES-256"), listing.text());
    }

    @Test
    void aPlainZipOpensWithoutAPasswordAndItsNoteSaysSo() throws Exception {
        Path output = output();
        PackagingResult.Zipped result = assertInstanceOf(PackagingResult.Zipped.class, packager.pack(
                message(quote("Quote attached.")), new PackagingAction.PlainZip(), new HeaderTreatment.AsWritten(),
                output));
        assertFalse(result.encrypted());
        PackagedCopy copy = new PackagedCopy(output);
        assertTrue(copy.note().contains("パスワードはかかっていません") && copy.note().contains("It has no password"));
        Path zip = copy.zip(folder.resolve("plain.zip"));
        try (java.util.zip.ZipFile jdk = new java.util.zip.ZipFile(zip.toFile(), StandardCharsets.UTF_8);
             InputStream in = jdk.getInputStream(jdk.getEntry(PDF_NAME))) {
            assertArrayEquals(pdf, in.readAllBytes());
        }
    }

    @Test
    void bccOnlyTakesTheHiddenAddressesOutOfToAndCcAndLeavesEverythingElse() throws Exception {
        byte[] original = quote("Quote attached.");
        Path output = output();
        PackagingResult result = packager.pack(message(original), new PackagingAction.AsIs(),
                new HeaderTreatment.BccOnly(Set.of("JIRO@other.example", "ichiro@other.example",
                        "sales@example.co.jp")), output);
        assertEquals(new PackagingResult.AsIs(true, Files.size(output)), result);

        List<String> expected = new ArrayList<>(HEADER);
        expected.set(1, "To: Hanako <hanako@partner.example>");
        expected.remove(2);
        expected.remove(2);
        byte[] copy = Files.readAllBytes(output);
        assertEquals(expected.subList(0, expected.size()), PackagedCopy.headerLines(copy).subList(0, expected.size()));
        String originalText = new String(original, StandardCharsets.ISO_8859_1);
        String copyText = new String(copy, StandardCharsets.ISO_8859_1);
        assertEquals(originalText.substring(originalText.indexOf("Content-Type: multipart/mixed")),
                copyText.substring(copyText.indexOf("Content-Type: multipart/mixed")), "the rest is untouched");
    }

    @Test
    void eachRecipientsCopyShowsOnlyItselfAmongTheHiddenAndAnEmptyToBecomesUndisclosed() throws Exception {
        Set<String> external = Set.of("hanako@partner.example", "jiro@other.example", "ichiro@other.example");
        Path output = output();
        packager.pack(message(quote("Quote attached.")), agreed(),
                new HeaderTreatment.PerRecipient("Ichiro@other.example", external), output);
        List<String> header = PackagedCopy.headerLines(Files.readAllBytes(output));
        assertEquals("To: \"Tanaka, Ichiro\" <ichiro@other.example>", header.get(1));
        assertEquals("Cc: \"Sales Team\" <sales@example.co.jp>", header.get(2));

        Path hidden = output();
        Set<String> everyone = Set.of("hanako@partner.example", "jiro@other.example", "ichiro@other.example",
                "sales@example.co.jp");
        PackagingResult result = packager.pack(message(quote("Quote attached.")), new PackagingAction.AsIs(),
                new HeaderTreatment.BccOnly(everyone), hidden);
        assertTrue(result.headersChanged());
        List<String> undisclosed = PackagedCopy.headerLines(Files.readAllBytes(hidden));
        assertEquals("To: undisclosed-recipients:;", undisclosed.get(1));
        assertTrue(undisclosed.stream().noneMatch(line -> line.startsWith("Cc:")), undisclosed.toString());
    }

    @Test
    void aMessageWithoutAttachmentsKeepsItsBodyAndSaysThereWasNothingToZip() throws Exception {
        byte[] original = lines(
                "From: taro@example.co.jp", "To: hanako@partner.example", "Subject: no attachment",
                "MIME-Version: 1.0", "Content-Type: multipart/alternative; boundary=\"alt\"", "",
                "--alt", "Content-Type: text/plain; charset=UTF-8", "", "hello", "--alt",
                "Content-Type: text/html; charset=UTF-8", "", "<p>hello</p>", "--alt--")
                .getBytes(StandardCharsets.US_ASCII);
        Path output = output();
        PackagingResult result = packager.pack(message(original),
                new PackagingAction.AesZip(new PassphraseSource.Fresh()), new HeaderTreatment.AsWritten(), output);
        assertEquals(new PackagingResult.NothingToZip(false, original.length), result);
        assertArrayEquals(original, Files.readAllBytes(output));
    }

    @Test
    void aMessageThatIsOneFileBecomesTheNoteAndTheZip() throws Exception {
        byte[] original = lines(
                "From: scanner@example.co.jp", "To: hanako@partner.example", "Subject: scan",
                "MIME-Version: 1.0", "Content-Type: application/pdf; name=\"scan.pdf\"",
                "Content-Transfer-Encoding: base64", "", base64(pdf)).getBytes(StandardCharsets.US_ASCII);
        Path output = output();
        PackagingResult.Zipped result = assertInstanceOf(PackagingResult.Zipped.class,
                packager.pack(message(original), agreed(), new HeaderTreatment.AsWritten(), output));
        assertEquals("scan.zip", result.zipName());
        PackagedCopy copy = new PackagedCopy(output);
        assertEquals(2, copy.parts().size());
        try (ZipFile zip4j = new ZipFile(copy.zip(folder.resolve("scan.zip")).toFile(), AGREED.toCharArray())) {
            assertArrayEquals(pdf, entry(zip4j, "scan.pdf"));
        }
    }

    @Test
    void hostileFileNamesBecomeSafeUniqueEntryNames() throws Exception {
        byte[] original = lines(
                "From: a@example.co.jp", "To: b@partner.example", "Subject: names", "MIME-Version: 1.0",
                "Content-Type: multipart/mixed; boundary=b", "",
                "--b", "Content-Type: text/plain", "", "body",
                "--b", "Content-Type: application/octet-stream; name=\"../../evil.exe\"", "", "one",
                "--b", "Content-Type: application/octet-stream; name=\"EVIL.exe\"", "", "two",
                "--b", "Content-Type: application/octet-stream; name=\"report\u202Efdp.exe\"", "", "three",
                "--b", "Content-Type: application/octet-stream; name=\"con.txt\"", "", "four",
                "--b", "Content-Type: application/octet-stream", "", "five",
                "--b--").getBytes(StandardCharsets.UTF_8);
        PackagingResult.Zipped result = assertInstanceOf(PackagingResult.Zipped.class, packager.pack(
                message(original), new PackagingAction.PlainZip(), new HeaderTreatment.AsWritten(), output()));
        assertEquals(List.of("evil.exe", "EVIL (2).exe", "report_fdp.exe", "_con.txt", "attachment-1.bin"),
                result.files().stream().map(PackedFile::name).toList());
    }

    @Test
    void aPassphraseTypedIntoTheMessageIsRefusedAndNoCopyIsWritten() throws Exception {
        Path output = output();
        PackagingException e = assertThrows(PackagingException.class, () -> packager.pack(
                message(quote("The password for the zip is " + AGREED.toUpperCase(Locale.ROOT) + ".")), agreed(),
                new HeaderTreatment.AsWritten(), output));
        assertEquals(PackagingException.Reason.PASSPHRASE_IN_MESSAGE, e.reason());
        assertFalse(Files.exists(output));
        assertTrue(e.message(Locale.JAPANESE).contains("パスワード"), e.message(Locale.JAPANESE));
    }

    @Test
    void aHintThatGivesThePassphraseAwayIsRefused() throws Exception {
        PackagingAction revealing = new PackagingAction.AesZip(new PassphraseSource.Agreed(
                Passphrase.of(AGREED.toCharArray()), "it is " + AGREED));
        PackagingException e = assertThrows(PackagingException.class, () -> packager.pack(
                message(quote("Quote attached.")), revealing, new HeaderTreatment.AsWritten(), output()));
        assertEquals(PackagingException.Reason.BAD_HINT, e.reason());
    }

    @Test
    void messagesThatCannotBeTakenApartSafelyAreRefusedWithTheirReason() throws Exception {
        Map<PackagingException.Reason, String[]> messages = Map.of(
                PackagingException.Reason.SMIME, new String[] {
                    "From: a@example.co.jp", "Subject: signed", "MIME-Version: 1.0",
                    "Content-Type: multipart/signed; protocol=\"application/pkcs7-signature\"; boundary=s", "",
                    "--s", "Content-Type: text/plain", "", "signed text",
                    "--s", "Content-Type: application/pkcs7-signature; name=smime.p7s", "", "AAAA", "--s--"},
                PackagingException.Reason.UNREADABLE_STRUCTURE, new String[] {
                    "From: a@example.co.jp", "Subject: no boundary", "MIME-Version: 1.0",
                    "Content-Type: multipart/mixed", "", "--x", "Content-Type: application/pdf", "", "data"},
                PackagingException.Reason.ATTACHMENT_DAMAGED, new String[] {
                    "From: a@example.co.jp", "Subject: bad base64", "MIME-Version: 1.0",
                    "Content-Type: multipart/mixed; boundary=b", "", "--b", "Content-Type: text/plain", "", "hi",
                    "--b", "Content-Type: application/pdf; name=a.pdf", "Content-Transfer-Encoding: base64", "",
                    "QUJD=REVG", "--b--"});
        for (Map.Entry<PackagingException.Reason, String[]> entry : messages.entrySet()) {
            Path output = output();
            PackagingException e = assertThrows(PackagingException.class, () -> packager.pack(
                    message(lines(entry.getValue()).getBytes(StandardCharsets.US_ASCII)),
                    new PackagingAction.PlainZip(), new HeaderTreatment.AsWritten(), output));
            assertEquals(entry.getKey(), e.reason(), e.getMessage());
            assertFalse(Files.exists(output));
        }
        try (Stream<Path> left = Files.list(folder)) {
            assertEquals(List.of(), left.filter(file -> file.getFileName().toString().endsWith(".tmp")).toList(),
                    "no temporary zip is left behind");
        }
    }

    @Test
    void nestingBeyondTheAnalysisLimitsIsRefused() throws Exception {
        MessagePackager strict = new MessagePackager(NoteTemplates.defaults(), new PassphraseGenerator(random),
                random, clock, new AnalysisLimits(3, 1000, 1024, 1000, 10), ZipOptions.DEFAULT);
        StringBuilder nested = new StringBuilder("From: a@example.co.jp\r\nSubject: deep\r\n");
        for (int depth = 0; depth < 5; depth++) {
            nested.append("Content-Type: multipart/mixed; boundary=b").append(depth).append("\r\n\r\n--b")
                    .append(depth).append("\r\n");
        }
        nested.append("Content-Type: application/pdf\r\n\r\ndata\r\n");
        PackagingException e = assertThrows(PackagingException.class, () -> strict.pack(
                message(nested.toString().getBytes(StandardCharsets.US_ASCII)), new PackagingAction.PlainZip(),
                new HeaderTreatment.AsWritten(), output()));
        assertEquals(PackagingException.Reason.TOO_COMPLEX, e.reason());

        String bigHeader = "From: a@example.co.jp\r\nX-Filler: " + "x".repeat(2000) + "\r\n\r\nbody\r\n";
        e = assertThrows(PackagingException.class, () -> strict.pack(
                message(bigHeader.getBytes(StandardCharsets.US_ASCII)), new PackagingAction.AsIs(),
                new HeaderTreatment.BccOnly(Set.of("b@partner.example")), output()));
        assertEquals(PackagingException.Reason.TOO_COMPLEX, e.reason());
    }
}
