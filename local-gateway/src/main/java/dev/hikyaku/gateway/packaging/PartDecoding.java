package dev.hikyaku.gateway.packaging;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeUtility;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * An attachment's content with its transfer encoding undone, as a stream. Base64 by {@link Base64Stream} (line
 * breaks and stray characters skipped); quoted-printable and uuencode by Jakarta Mail's decoders. An unknown
 * encoding is taken as it is. Bytes the decoder cannot make sense of end in a {@link DamagedContent}.
 */
final class PartDecoding {

    /** The content's transfer encoding is broken, so its bytes are not known. */
    static final class DamagedContent extends IOException {
        private static final long serialVersionUID = 1L;

        DamagedContent(Exception cause) {
            super(cause.getMessage(), cause);
        }
    }

    private PartDecoding() {
    }

    /** The decoded content of {@code raw} in {@code encoding} (lower case). */
    static InputStream decode(InputStream raw, String encoding) throws DamagedContent {
        InputStream decoded;
        switch (encoding) {
            case "base64":
                decoded = new Base64Stream(raw);
                break;
            case "quoted-printable", "uuencode", "x-uuencode", "x-uue":
                try {
                    decoded = MimeUtility.decode(raw, encoding);
                } catch (MessagingException e) {
                    throw new DamagedContent(e);
                }
                break;
            default:
                decoded = raw;
                break;
        }
        return new FilterInputStream(decoded) {
            @Override
            public int read() throws IOException {
                try {
                    return super.read();
                } catch (RangeInputStream.DiskReadException e) {
                    throw e;
                } catch (IOException | IllegalArgumentException e) {
                    throw new DamagedContent(e);
                }
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                try {
                    return super.read(buffer, offset, length);
                } catch (RangeInputStream.DiskReadException e) {
                    throw e;
                } catch (IOException | IllegalArgumentException e) {
                    throw new DamagedContent(e);
                }
            }
        };
    }
}
