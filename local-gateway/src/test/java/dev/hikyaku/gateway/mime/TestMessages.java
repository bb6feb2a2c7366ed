package dev.hikyaku.gateway.mime;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Message texts for the tests, built the way mail clients write them. */
public final class TestMessages {

    private TestMessages() {
    }

    /** Lines joined with CRLF, with a final CRLF. */
    public static String lines(String... lines) {
        return String.join("\r\n", lines) + "\r\n";
    }

    /** A whole message as bytes (its text must be ASCII or already encoded as it should be on the wire). */
    public static byte[] bytes(String... lines) {
        return lines(lines).getBytes(StandardCharsets.ISO_8859_1);
    }

    /** An RFC 2047 "B" encoded word. */
    public static String encodedWord(String text, String charset) {
        return "=?" + charset + "?B?" + Base64.getEncoder().encodeToString(text.getBytes(Charset.forName(charset)))
                + "?=";
    }

    /** Base64 of text in a charset, wrapped at 76 columns with CRLF. */
    public static String base64(String text, String charset) {
        return base64(text.getBytes(Charset.forName(charset)));
    }

    /** Base64 of bytes, wrapped at 76 columns with CRLF. */
    public static String base64(byte[] bytes) {
        return Base64.getMimeEncoder().encodeToString(bytes);
    }

    /** RFC 2231 percent-encoding of text in UTF-8. */
    public static String percentEncoded(String text) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.') {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(String.format("%02X", c));
            }
        }
        return encoded.toString();
    }

    /**
     * A typical Japanese business mail: ISO-2022-JP subject, UTF-8 body, a PDF attachment with an RFC 2231
     * file name, and an HTML alternative with an inline image.
     */
    public static byte[] japaneseQuote() {
        return bytes(
                "From: " + encodedWord("山田 太郎", "ISO-2022-JP") + " <taro@example.co.jp>",
                "To: Hanako <hanako@partner.example>, jiro@other.example",
                "Cc: \"Sales Team\" <sales@example.co.jp>",
                "Subject: " + encodedWord("お見積りのご送付 (Quote)", "ISO-2022-JP"),
                "Date: Tue, 3 Jun 2025 10:15:00 +0900 (JST)",
                "Message-ID: <quote-1@example.co.jp>",
                "MIME-Version: 1.0",
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
                base64("いつもお世話になっております。\r\n請求書と見積書をお送りします。\r\nInvoice attached.", "UTF-8"),
                "--alt",
                "Content-Type: multipart/related; boundary=\"rel\"",
                "",
                "--rel",
                "Content-Type: text/html; charset=UTF-8",
                "",
                "<html><body><p>HTML version</p><img src=\"cid:logo\"></body></html>",
                "--rel",
                "Content-Type: image/png",
                "Content-ID: <logo>",
                "Content-Transfer-Encoding: base64",
                "",
                base64(new byte[300]),
                "--rel--",
                "--alt--",
                "",
                "--outer",
                "Content-Type: application/pdf",
                "Content-Disposition: attachment; filename*=UTF-8''" + percentEncoded("見積書.pdf"),
                "Content-Transfer-Encoding: base64",
                "",
                base64(new byte[1234]),
                "--outer--",
                "epilogue");
    }
}
