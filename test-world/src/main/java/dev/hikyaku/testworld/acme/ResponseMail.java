package dev.hikyaku.testworld.acme;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the CA reads from a response mail (RFC 8823 section 3.2): the token part in its subject and the key
 * authorization digest between the ACME RESPONSE lines of its body. Only plain text bodies are read.
 *
 * @param tokenPart1 from {@code Subject: Re: ACME: <token-part1>}
 * @param digest     the base64url SHA-256 of the key authorization, line breaks removed
 */
record ResponseMail(String tokenPart1, String digest) {
    private static final Pattern SUBJECT = Pattern.compile("(?im)^subject:[ \\t]*re:[ \\t]*acme:[ \\t]*([A-Za-z0-9_-]+)[ \\t]*$");
    private static final Pattern BODY = Pattern.compile(
            "-----BEGIN ACME RESPONSE-----\\r?\\n([A-Za-z0-9_\\r\\n-]+?)\\r?\\n-----END ACME RESPONSE-----");

    /** The response in the raw message, when it is one. */
    static Optional<ResponseMail> read(byte[] raw) {
        String text = new String(raw, StandardCharsets.US_ASCII);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return Optional.empty();
        }
        String headers = text.substring(0, end).replaceAll("\r\n[ \t]+", " ");
        Matcher subject = SUBJECT.matcher(headers.replace("\r\n", "\n"));
        Matcher body = BODY.matcher(text.substring(end));
        if (!subject.find() || !body.find()) {
            return Optional.empty();
        }
        return Optional.of(new ResponseMail(subject.group(1), body.group(1).replaceAll("[\\r\\n]", "")));
    }
}
