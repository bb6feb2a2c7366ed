package dev.hikyaku.testworld.https;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** An HTTP response as raw as the test needs it: status, headers (lower-case names) and body bytes. */
record RawResponse(int status, Map<String, String> headers, byte[] body) {

    static RawResponse parse(byte[] response) {
        String text = new String(response, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        String[] head = text.substring(0, end).split("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < head.length; i++) {
            int colon = head[i].indexOf(':');
            headers.put(head[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), head[i].substring(colon + 1).trim());
        }
        return new RawResponse(Integer.parseInt(head[0].split(" ")[1]), headers,
                Arrays.copyOfRange(response, end + 4, response.length));
    }

    String text() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
