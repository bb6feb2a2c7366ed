package dev.hikyaku.gateway.packaging;

import jakarta.mail.internet.ContentDisposition;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;
import java.io.UnsupportedEncodingException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an entity's header says about its content, read leniently: Jakarta Mail's parsers first (RFC 2231
 * parameters), a plain pattern when they refuse the value, RFC 2047 words in file names decoded as Outlook
 * writes them.
 *
 * @param type              the media type in lower case, without parameters
 * @param boundary          the multipart boundary, if any
 * @param fileName          the decoded file name (disposition's {@code filename}, else type's {@code name}), or
 *                          empty
 * @param attached          whether the disposition is {@code attachment}
 * @param transferEncoding  the transfer encoding in lower case, {@code 7bit} when none is given
 */
record Content(String type, Optional<String> boundary, String fileName, boolean attached, String transferEncoding) {
    private static final String OCTETS = "application/octet-stream";

    /** The content of an entity with this header; {@code digestChild} makes message/rfc822 the default type. */
    static Content of(List<RawField> header, boolean digestChild) {
        Optional<String> rawType = first(header, "Content-Type");
        String type = digestChild ? "message/rfc822" : "text/plain";
        Optional<String> boundary = Optional.empty();
        String name = "";
        if (rawType.isPresent()) {
            try {
                ContentType parsed = new ContentType(rawType.get());
                type = parsed.getBaseType().toLowerCase(Locale.ROOT);
                boundary = Optional.ofNullable(parsed.getParameter("boundary"));
                name = orEmpty(parsed.getParameter("name"));
            } catch (ParseException | RuntimeException e) {
                // Jakarta Mail is strict, and not written for hostile input: fall back to a plain reading.
                type = mainValue(rawType.get());
                boundary = parameter(rawType.get(), "boundary");
                name = parameter(rawType.get(), "name").orElse("");
            }
            if (!validType(type)) {
                // An unreadable type is no text to show: it is treated as an attachment.
                type = OCTETS;
            }
        }
        boolean attached = false;
        String fileName = "";
        Optional<String> rawDisposition = first(header, "Content-Disposition");
        if (rawDisposition.isPresent()) {
            try {
                ContentDisposition parsed = new ContentDisposition(rawDisposition.get());
                attached = orEmpty(parsed.getDisposition()).equalsIgnoreCase("attachment");
                fileName = orEmpty(parsed.getParameter("filename"));
            } catch (ParseException | RuntimeException e) {
                // A disposition no one reads the same way: treat it as an attachment, which goes into the zip.
                attached = true;
                fileName = parameter(rawDisposition.get(), "filename").orElse("");
            }
        }
        if (fileName.isBlank()) {
            fileName = name;
        }
        String encoding = first(header, "Content-Transfer-Encoding").map(Content::mainValue).orElse("7bit");
        return new Content(type, boundary.filter(value -> !value.isEmpty()), decodeWords(fileName.strip()), attached,
                encoding.isEmpty() ? "7bit" : encoding);
    }

    /** Whether this is a multipart. */
    boolean multipart() {
        return type.startsWith("multipart/");
    }

    /** Text a mail program shows as the body: plain or HTML text, not attached, with no file name. */
    boolean bodyText() {
        return (type.equals("text/plain") || type.equals("text/html")) && !attached && fileName.isEmpty();
    }

    /** S/MIME signed or enveloped content, which repackaging would break. */
    boolean smime() {
        return type.equals("multipart/signed") || type.equals("application/pkcs7-mime")
                || type.equals("application/x-pkcs7-mime");
    }

    private static Optional<String> first(List<RawField> header, String name) {
        return header.stream().filter(field -> field.is(name)).findFirst().map(RawField::value);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String mainValue(String raw) {
        int semicolon = raw.indexOf(';');
        String main = (semicolon < 0 ? raw : raw.substring(0, semicolon)).strip();
        int comment = main.indexOf('(');
        return (comment < 0 ? main : main.substring(0, comment)).strip().toLowerCase(Locale.ROOT);
    }

    private static boolean validType(String type) {
        int slash = type.indexOf('/');
        return slash > 0 && slash < type.length() - 1 && type.indexOf('/', slash + 1) < 0
                && type.chars().allMatch(c -> c > ' ' && c < 0x7f && c != '"' && c != ';');
    }

    /** A parameter read by pattern: plain, else its RFC 2231 pieces ({@code name*0*=UTF-8''...}) joined. */
    private static Optional<String> parameter(String raw, String name) {
        Matcher plain = Pattern.compile("(?i);\\s*" + name + "\\s*=\\s*(?:\"([^\"]*)\"|([^;\\s]+))").matcher(raw);
        if (plain.find()) {
            return Optional.of(plain.group(1) != null ? plain.group(1) : plain.group(2));
        }
        Matcher pieces = Pattern.compile("(?i);\\s*" + name + "\\*[0-9]*\\*?\\s*=\\s*(?:\"([^\"]*)\"|([^;\\s]+))")
                .matcher(raw);
        StringBuilder joined = new StringBuilder();
        while (pieces.find()) {
            joined.append(pieces.group(1) != null ? pieces.group(1) : pieces.group(2));
        }
        if (joined.length() == 0) {
            return Optional.empty();
        }
        String value = joined.toString();
        int quote = value.indexOf('\'');
        int second = quote < 0 ? -1 : value.indexOf('\'', quote + 1);
        String encoded = second < 0 ? value : value.substring(second + 1);
        try {
            return Optional.of(URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.of(encoded);
        }
    }

    /** Outlook and Gmail put RFC 2047 words inside quoted file names, which RFC 2231 readers leave encoded. */
    private static String decodeWords(String name) {
        if (!name.contains("=?")) {
            return name;
        }
        try {
            return MimeUtility.decodeText(name);
        } catch (UnsupportedEncodingException | RuntimeException e) {
            return name;
        }
    }
}
