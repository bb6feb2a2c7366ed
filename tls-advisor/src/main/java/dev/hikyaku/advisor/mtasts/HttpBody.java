package dev.hikyaku.advisor.mtasts;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;
import java.util.Locale;
import java.util.Optional;

/** Reads an HTTP/1.1 response body (chunked, Content-Length, or until close) with a hard size cap. */
final class HttpBody {
    private static final int MAX_CHUNK_LINE = 1024;

    private HttpBody() {
    }

    /** The body was larger than allowed. */
    static final class TooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        TooLargeException() {
            super("body too large");
        }
    }

    static byte[] read(InputStream in, HttpHead head, int max, ReadGuard guard) throws IOException {
        Optional<String> transfer = head.value("transfer-encoding");
        if (transfer.isPresent() && transfer.get().toLowerCase(Locale.ROOT).contains("chunked")) {
            return chunked(in, max, guard);
        }
        Optional<String> length = head.value("content-length");
        if (length.isPresent()) {
            if (!length.get().matches("[0-9]{1,10}")) {
                throw new ProtocolException("bad Content-Length");
            }
            long declared = Long.parseLong(length.get());
            if (declared > max) {
                throw new TooLargeException();
            }
            return exactly(in, (int) declared, guard);
        }
        return untilClose(in, max, guard);
    }

    private static byte[] chunked(InputStream in, int max, ReadGuard guard) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            int[] lineBudget = {MAX_CHUNK_LINE};
            String sizeLine = HttpHead.line(in, lineBudget, guard).split(";", 2)[0].strip();
            if (!sizeLine.matches("[0-9A-Fa-f]{1,7}")) {
                throw new ProtocolException("bad chunk size");
            }
            int size = Integer.parseInt(sizeLine, 16);
            if (size == 0) {
                return body.toByteArray();
            }
            if (body.size() + size > max) {
                throw new TooLargeException();
            }
            body.writeBytes(exactly(in, size, guard));
            HttpHead.line(in, lineBudget, guard); // the CRLF after each chunk
        }
    }

    private static byte[] exactly(InputStream in, int length, ReadGuard guard) throws IOException {
        byte[] bytes = new byte[length];
        int read = 0;
        while (read < length) {
            guard.beforeRead();
            int n = in.read(bytes, read, length - read);
            if (n < 0) {
                throw new EOFException("connection closed inside the body");
            }
            read += n;
        }
        return bytes;
    }

    private static byte[] untilClose(InputStream in, int max, ReadGuard guard) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        while (true) {
            guard.beforeRead();
            int n = in.read(buffer);
            if (n < 0) {
                return body.toByteArray();
            }
            if (body.size() + n > max) {
                throw new TooLargeException();
            }
            body.write(buffer, 0, n);
        }
    }
}
