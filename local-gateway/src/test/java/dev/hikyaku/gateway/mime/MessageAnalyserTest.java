package dev.hikyaku.gateway.mime;

import static dev.hikyaku.gateway.mime.TestMessages.base64;
import static dev.hikyaku.gateway.mime.TestMessages.bytes;
import static dev.hikyaku.gateway.mime.TestMessages.encodedWord;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MessageAnalyserTest {
    private final MessageAnalyser analyser = new MessageAnalyser();

    private static List<Problem.Kind> kinds(MessageSummary summary) {
        return summary.problems().stream().map(Problem::kind).toList();
    }

    @Test
    void aJapaneseMultipartMailIsSummarised() {
        byte[] message = TestMessages.japaneseQuote();
        MessageSummary summary = analyser.analyse(message);

        assertEquals(Optional.of("<quote-1@example.co.jp>"), summary.messageId());
        assertEquals(Optional.of(Instant.parse("2025-06-03T01:15:00Z")), summary.date());
        assertEquals(List.of(new MailAddress("taro@example.co.jp", "山田 太郎")), summary.from());
        assertEquals(List.of(new MailAddress("hanako@partner.example", "Hanako"),
                new MailAddress("jiro@other.example", "")), summary.to());
        assertEquals(List.of(new MailAddress("sales@example.co.jp", "Sales Team")), summary.cc());
        assertEquals("お見積りのご送付 (Quote)", summary.subject());
        // The plain alternative gives the text; the HTML alternative is not added a second time.
        assertEquals("いつもお世話になっております。\r\n請求書と見積書をお送りします。\r\nInvoice attached.",
                summary.bodyText());
        assertEquals(List.of(
                new Attachment("1.2.2", "", "image/png", 300, true),
                new Attachment("2", "見積書.pdf", "application/pdf", 1234, false)), summary.attachments());
        assertEquals(List.of("見積書.pdf"), summary.attachmentNames());
        assertEquals(1, summary.attachedFileCount());
        assertEquals(message.length, summary.totalSize());
        assertFalse(summary.smimeSigned());
        assertFalse(summary.smimeEncrypted());
        assertEquals(List.of(), summary.problems());
    }

    @Test
    void aPlainMessageWithoutMimeIsItsOwnBody() {
        MessageSummary summary = analyser.analyse(bytes(
                "From: a@example.com", "To: b@example.com", "Subject: hello", "", "line one", "line two"));
        assertEquals("line one\r\nline two\r\n", summary.bodyText());
        assertEquals("hello", summary.subject());
        assertEquals(List.of(), summary.attachments());
        assertEquals(List.of(), summary.problems());
    }

    @Test
    void htmlIsReducedToItsText() {
        MessageSummary summary = analyser.analyse(bytes(
                "Content-Type: text/html; charset=us-ascii", "",
                "<html><head><style>p { color: red }</style><script>var secret = 1;</script></head>",
                "<body><p>Fish &amp; chips</p><div>&#x898B;&#31309;</div><!-- hidden --></body></html>"));
        assertEquals("Fish & chips\n見積", summary.bodyText());
    }

    @Test
    void shiftJisAndIso2022JpBodiesDecodeWithMicrosoftCharacters() {
        Charset sjis = Charset.forName("windows-31j");
        byte[] head = bytes("Subject: x", "Content-Type: text/plain; charset=Shift_JIS",
                "Content-Transfer-Encoding: 8bit", "");
        byte[] body = "①株式会社㈱".getBytes(sjis);
        byte[] message = new byte[head.length + body.length];
        System.arraycopy(head, 0, message, 0, head.length);
        System.arraycopy(body, 0, message, head.length, body.length);
        assertEquals("①株式会社㈱", analyser.analyse(message).bodyText());

        MessageSummary jis = analyser.analyse(bytes("Content-Type: text/plain; charset=ISO-2022-JP", "",
                new String("請求書".getBytes(Charset.forName("ISO-2022-JP")), StandardCharsets.ISO_8859_1)));
        assertEquals("請求書\r\n", jis.bodyText());
    }

    @Test
    void unlabelledEightBitTextIsGuessed() {
        byte[] head = bytes("Subject: x", "");
        byte[] body = "日本語のテキスト".getBytes(Charset.forName("windows-31j"));
        byte[] message = new byte[head.length + body.length];
        System.arraycopy(head, 0, message, 0, head.length);
        System.arraycopy(body, 0, message, head.length, body.length);
        assertEquals("日本語のテキスト", analyser.analyse(message).bodyText());
    }

    @Test
    void anUnknownCharsetIsAProblemAndTheTextIsStillRead() {
        MessageSummary summary = analyser.analyse(bytes(
                "Subject: " + encodedWord("abc", "UTF-8").replace("UTF-8", "x-klingon"),
                "Content-Type: text/plain; charset=x-unknown-charset", "", "plain words"));
        assertEquals("plain words\r\n", summary.bodyText());
        assertEquals("abc", summary.subject());
        assertTrue(kinds(summary).contains(Problem.Kind.UNKNOWN_CHARSET));
    }

    @Test
    void encodedWordsSplitInsideACharacterAreJoined() {
        byte[] utf8 = "見積書".getBytes(StandardCharsets.UTF_8);
        Base64.Encoder b64 = Base64.getEncoder();
        String first = b64.encodeToString(Arrays.copyOfRange(utf8, 0, 4));
        String second = b64.encodeToString(Arrays.copyOfRange(utf8, 4, utf8.length));
        MessageSummary summary = analyser.analyse(bytes(
                "Subject: Re: =?UTF-8?B?" + first + "?=", " =?utf-8?B?" + second + "?= =?ISO-8859-1?Q?caf=E9_au_lait?=",
                "", "x"));
        assertEquals("Re: 見積書café au lait", summary.subject());
    }

    @Test
    void fileNamesInEveryCommonSpelling() {
        String jisName = encodedWord("請求書.xlsx", "ISO-2022-JP");
        String utf8 = TestMessages.percentEncoded("御見積書_2025年度版.pdf");
        MessageSummary summary = analyser.analyse(bytes(
                "Content-Type: multipart/mixed; boundary=b", "",
                "--b", "Content-Type: text/plain", "", "body",
                "--b", "Content-Type: application/vnd.ms-excel; name=\"" + jisName + "\"",
                "Content-Disposition: attachment; filename=\"" + jisName + "\"", "", "x",
                "--b", "Content-Type: application/pdf",
                "Content-Disposition: attachment;",
                " filename*0*=UTF-8''" + utf8.substring(0, 20) + ";",
                " filename*1*=" + utf8.substring(20), "", "x",
                "--b", "Content-Type: application/octet-stream; name=report final.doc", "", "x",
                "--b--"));
        assertEquals(List.of("請求書.xlsx", "御見積書_2025年度版.pdf", "report final.doc"), summary.attachmentNames());
        assertEquals(List.of("2", "3", "4"), summary.attachments().stream().map(Attachment::position).toList());
        assertEquals(List.of(), summary.problems());
    }

    @Test
    void smimeSignedAndEncryptedAreRecognised() {
        MessageSummary signed = analyser.analyse(bytes(
                "Content-Type: multipart/signed; protocol=\"application/pkcs7-signature\"; micalg=sha-256;"
                        + " boundary=s", "",
                "--s", "Content-Type: text/plain", "", "signed text",
                "--s", "Content-Type: application/pkcs7-signature; name=smime.p7s",
                "Content-Transfer-Encoding: base64", "", base64(new byte[64]),
                "--s--"));
        assertTrue(signed.smimeSigned());
        assertFalse(signed.smimeEncrypted());
        assertEquals("signed text", signed.bodyText());
        assertEquals(List.of(), signed.attachments(), "the signature is not an attachment");

        MessageSummary encrypted = analyser.analyse(bytes(
                "Content-Type: application/pkcs7-mime; smime-type=enveloped-data; name=smime.p7m",
                "Content-Transfer-Encoding: base64", "", base64(new byte[64])));
        assertTrue(encrypted.smimeEncrypted());
        assertFalse(encrypted.smimeSigned());
        assertEquals(List.of(), encrypted.attachments());
    }

    @Test
    void aMissingEndBoundaryIsTruncationAndThePartsAreStillFound() {
        MessageSummary summary = analyser.analyse(bytes(
                "Content-Type: multipart/mixed; boundary=outer", "",
                "--outer", "Content-Type: multipart/mixed; boundary=inner", "",
                "--inner", "Content-Type: text/plain", "", "first",
                "--inner", "Content-Type: application/zip; name=a.zip", "", "zipzip",
                "--outer", "Content-Type: application/zip; name=b.zip", "", "zz"));
        assertEquals("first", summary.bodyText());
        assertEquals(List.of(new Attachment("1.2", "a.zip", "application/zip", 6, false),
                new Attachment("2", "b.zip", "application/zip", 4, false)), summary.attachments());
        assertTrue(kinds(summary).contains(Problem.Kind.TRUNCATED));
    }

    @Test
    void bareLineFeedsAreLinesToo() {
        byte[] message = ("Subject: lf\nContent-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain\n\n"
                + "hello\n--b\nContent-Type: image/gif; name=x.gif\n\nGIF\n--b--\n").getBytes(StandardCharsets.US_ASCII);
        MessageSummary summary = analyser.analyse(message);
        assertEquals("lf", summary.subject());
        assertEquals("hello", summary.bodyText());
        assertEquals(List.of(new Attachment("2", "x.gif", "image/gif", 3, false)), summary.attachments());
    }

    @Test
    void nestingDeeperThanTheLimitIsSkipped() {
        StringBuilder message = new StringBuilder();
        int depth = 40;
        for (int i = 0; i < depth; i++) {
            message.append("Content-Type: multipart/mixed; boundary=b").append(i).append("\r\n\r\n--b").append(i)
                    .append("\r\n");
        }
        message.append("Content-Type: text/plain\r\n\r\ndeep\r\n");
        for (int i = depth - 1; i >= 0; i--) {
            message.append("--b").append(i).append("--\r\n");
        }
        MessageSummary summary = new MessageAnalyser(new AnalysisLimits(5, 100, 4096, 1000, 10))
                .analyse(message.toString().getBytes(StandardCharsets.US_ASCII));
        assertTrue(kinds(summary).contains(Problem.Kind.TOO_DEEP));
        assertEquals("", summary.bodyText());
    }

    @Test
    void partsBeyondTheLimitAreOnlyCounted() {
        StringBuilder message = new StringBuilder("Content-Type: multipart/mixed; boundary=b\r\n\r\n");
        for (int i = 0; i < 50; i++) {
            message.append("--b\r\nContent-Type: image/png; name=p").append(i).append(".png\r\n\r\nxx\r\n");
        }
        message.append("--b--\r\n");
        byte[] bytes = message.toString().getBytes(StandardCharsets.US_ASCII);
        MessageSummary summary = new MessageAnalyser(new AnalysisLimits(5, 10, 4096, 1000, 10)).analyse(bytes);
        assertEquals(9, summary.attachments().size());
        assertTrue(kinds(summary).contains(Problem.Kind.TOO_MANY_PARTS));
        assertEquals(bytes.length, summary.totalSize());
    }

    @Test
    void anOversizedHeaderIsCutAndTheBodyStillFound() {
        StringBuilder header = new StringBuilder("Subject: big\r\nX-Filler: ");
        for (int i = 0; i < 10_000; i++) {
            header.append("filler ").append(i % 10 == 0 ? "\r\n " : "");
        }
        header.append("\r\nX-After: lost\r\n\r\nthe body\r\n");
        MessageSummary summary = new MessageAnalyser(new AnalysisLimits(5, 10, 4096, 1000, 10))
                .analyse(header.toString().getBytes(StandardCharsets.US_ASCII));
        assertEquals("big", summary.subject());
        assertEquals("the body\r\n", summary.bodyText());
        assertTrue(kinds(summary).contains(Problem.Kind.HEADER_TOO_LARGE));
    }

    @Test
    void bodyTextStopsAtTheLimit() {
        MessageSummary summary = new MessageAnalyser(new AnalysisLimits(5, 10, 4096, 100, 10))
                .analyse(bytes("Subject: long", "", "x".repeat(10_000)));
        assertEquals(100, summary.bodyText().length());
        assertTrue(kinds(summary).contains(Problem.Kind.TEXT_TRUNCATED));
    }

    @Test
    void addressesThatDoNotParseArePickedOut() {
        MessageSummary summary = analyser.analyse(bytes(
                "From: <<broken@example.com>>, \"unclosed <x@example.org>",
                "To: Team: a@example.com, " + encodedWord("佐藤", "UTF-8") + " <b@example.com>;", "", "x"));
        assertEquals(List.of("broken@example.com", "x@example.org"),
                summary.from().stream().map(MailAddress::address).toList());
        assertEquals(List.of(new MailAddress("a@example.com", ""), new MailAddress("b@example.com", "佐藤")),
                summary.to());
        assertTrue(kinds(summary).contains(Problem.Kind.UNPARSEABLE_ADDRESS));
    }

    @Test
    void hostileAddressListsArePickedApartInOnePass() {
        // Jakarta Mail's parser takes time in the square of its input on such runs; the analyser splits first.
        MessageSummary summary = analyser.analyse(bytes(
                "To: " + "<".repeat(100_000) + "x@example.com",
                "Cc: " + "(".repeat(100_000),
                "Bcc: \"Yamada, Taro\" <taro@example.jp>, Team: a@example.com, b@example.com;, last@example.org",
                "", "x"));
        assertEquals(List.of(new MailAddress("x@example.com", "")), summary.to());
        assertEquals(List.of(), summary.cc());
        assertEquals(List.of(new MailAddress("taro@example.jp", "Yamada, Taro"), new MailAddress("a@example.com", ""),
                new MailAddress("b@example.com", ""), new MailAddress("last@example.org", "")), summary.bcc());
        assertEquals(List.of(Problem.Kind.UNPARSEABLE_ADDRESS), kinds(summary), "each kind is listed once per part");
    }

    @Test
    void garbageNeverThrows() {
        Random random = new Random(42);
        for (int round = 0; round < 300; round++) {
            byte[] garbage = new byte[random.nextInt(4000)];
            random.nextBytes(garbage);
            MessageSummary summary = analyser.analyse(garbage);
            assertEquals(garbage.length, summary.totalSize());
        }
    }
}
