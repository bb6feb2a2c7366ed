package dev.hikyaku.app.review.warnings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThreadReferencesTest {
    private static List<String> of(String message) {
        return ThreadReferences.of(message.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void inReplyToComesFirstThenReferencesNewestFirst() {
        assertEquals(List.of("c@x.jp", "b@x.jp", "a@x.jp"), of("Subject: Re: x\r\n"
                + "References: <a@x.jp>\r\n <b@x.jp>\r\n\t<c@x.jp>\r\n"
                + "In-Reply-To: <c@x.jp>\r\n\r\nReferences: <body@x.jp>\r\n"));
    }

    @Test
    void aMessageWithoutThemRefersToNothing() {
        assertEquals(List.of(), of("Subject: new\r\nMessage-ID: <m@x.jp>\r\n\r\nIn-Reply-To: <body@x.jp>\r\n"));
        assertEquals(List.of(), of(""));
    }

    @Test
    void bareLineEndsAndOddSpacingAreRead() {
        assertEquals(List.of("a@x.jp"), of("in-reply-to:   <a@x.jp> (comment)\n\nbody"));
    }

    @Test
    void hostileFieldsAreBounded() {
        StringBuilder many = new StringBuilder("References:");
        for (int i = 0; i < 1000; i++) {
            many.append(" <id").append(i).append("@x.jp>");
        }
        List<String> ids = of(many + "\r\n\r\n");
        assertEquals(100, ids.size());
        assertEquals("id999@x.jp", ids.get(0));
        assertEquals(List.of(), of("In-Reply-To: <" + "a".repeat(400) + "@x.jp>\r\n\r\n"));
    }

    @Test
    void theCaptureKeepsTheHeaderAndStopsTheCopyThere() throws Exception {
        byte[] message = "Subject: s\r\nIn-Reply-To: <a@x.jp>\r\n\r\nbody body body".getBytes(StandardCharsets.US_ASCII);
        ThreadReferences.HeaderCapture capture = new ThreadReferences.HeaderCapture();
        assertThrows(ThreadReferences.HeaderComplete.class, () -> new ByteArrayInputStream(message).transferTo(capture));
        String header = new String(capture.header(), StandardCharsets.US_ASCII);
        assertTrue(header.endsWith("<a@x.jp>\r\n\r\n"), header);
        assertEquals(List.of("a@x.jp"), ThreadReferences.of(capture.header()));
    }

    @Test
    void aBareIdLosesItsBrackets() {
        assertEquals("a@x.jp", ThreadReferences.bare(" <a@x.jp> "));
        assertEquals("a@x.jp", ThreadReferences.bare("a@x.jp"));
        assertArrayEquals(new byte[0], new ThreadReferences.HeaderCapture().header());
    }
}
