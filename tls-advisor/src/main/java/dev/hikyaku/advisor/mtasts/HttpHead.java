package dev.hikyaku.advisor.mtasts;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The status line and headers of an HTTP/1.1 response, parsed defensively with a size cap. */
record HttpHead(int status, List<Map.Entry<String, String>> headers) {

    HttpHead {
        headers = List.copyOf(headers);
    }

    /** The value of the one header named {@code name} (case-insensitive); a conflicting repeat is an error. */
    Optional<String> value(String name) throws ProtocolException {
        List<String> values = headers.stream()
                .filter(header -> header.getKey().equals(name.toLowerCase(Locale.ROOT)))
                .map(Map.Entry::getValue)
                .distinct()
                .toList();
        if (values.size() > 1) {
            throw new ProtocolException("conflicting " + name + " headers");
        }
        return values.stream().findFirst();
    }

    static HttpHead read(InputStream in, int maxBytes, ReadGuard guard) throws IOException {
        int[] budget = {maxBytes};
        String statusLine = line(in, budget, guard);
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.") || !parts[1].matches("[1-5][0-9][0-9]")) {
            throw new ProtocolException("not an HTTP/1.x status line");
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (String line = line(in, budget, guard); !line.isEmpty(); line = line(in, budget, guard)) {
            int colon = line.indexOf(':');
            if (colon <= 0 || line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                throw new ProtocolException("malformed header line");
            }
            headers.add(Map.entry(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip()));
        }
        return new HttpHead(Integer.parseInt(parts[1]), headers);
    }

    static String line(InputStream in, int[] budget, ReadGuard guard) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            guard.beforeRead();
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed inside the response head");
            }
            if (--budget[0] < 0) {
                throw new ProtocolException("response head too large");
            }
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
    }
}
