package dev.hikyaku.gateway.mime;

import jakarta.mail.internet.MailDateFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.text.ParsePosition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** One pass over one message, front to back, gathering its summary; used once. */
final class MessageWalk {
    private static final int MAX_BOUNDARY = 200;

    private final AnalysisLimits limits;
    private final MimeStream stream;
    private final ProblemLog problems;
    private final BodyText text;
    private final List<Attachment> attachments = new ArrayList<>();
    private int entities;
    private boolean gaveUp;
    private boolean smimeSigned;
    private boolean smimeEncrypted;

    /** Where a part sits: inside multipart/related, and which branches of multipart/alternative. */
    private record Context(boolean related, boolean digest, List<Branch> branches) {
        static final Context TOP = new Context(false, false, List.of());

        Context child(ParameterizedValue parent, Branch branch) {
            List<Branch> inner = branches;
            if (branch != null) {
                inner = new ArrayList<>(branches);
                inner.add(branch);
            }
            return new Context(parent.value().equals("multipart/related"),
                    parent.value().equals("multipart/digest"), List.copyOf(inner));
        }

        /** Whether text here is wanted: in each enclosing alternative, only the first branch that had text. */
        boolean textWanted() {
            return branches.stream().allMatch(Branch::open);
        }

        void textTaken() {
            branches.forEach(Branch::take);
        }
    }

    /** One branch of a multipart/alternative; the group remembers which branch gave the text. */
    private static final class Branch {
        private final int[] chosen;
        private final int index;

        Branch(int[] chosen, int index) {
            this.chosen = chosen;
            this.index = index;
        }

        boolean open() {
            return chosen[0] < 0 || chosen[0] == index;
        }

        void take() {
            chosen[0] = index;
        }
    }

    MessageWalk(InputStream in, AnalysisLimits limits) {
        this.limits = limits;
        this.stream = new MimeStream(in);
        this.problems = new ProblemLog(limits.maxProblems());
        this.text = new BodyText(limits.maxTextChars());
    }

    MessageSummary run() {
        HeaderFields header = readHeader("");
        entities = 1;
        content(header, "", 0, Context.TOP);
        long totalSize = stream.drain();
        return new MessageSummary(messageId(header), date(header),
                addresses(header, "From"), addresses(header, "Sender"), addresses(header, "Reply-To"),
                addresses(header, "To"), addresses(header, "Cc"), addresses(header, "Bcc"),
                header.first("Subject").map(subject -> EncodedWords.decode(subject, problems, "")).orElse(""),
                text.toString(), attachments, smimeSigned, smimeEncrypted, totalSize, problems.problems());
    }

    private void content(HeaderFields header, String position, int depth, Context context) {
        ParameterizedValue type = contentType(header, position, context);
        if (depth == 0) {
            noteProtection(type);
        }
        if (type.value().startsWith("multipart/")) {
            multipart(type, position, depth, context);
        } else {
            leaf(header, type, position.isEmpty() ? "1" : position, context);
        }
    }

    private ParameterizedValue contentType(HeaderFields header, String position, Context context) {
        String fallback = context.digest() ? "message/rfc822" : "text/plain";
        Optional<String> raw = header.first("Content-Type");
        if (raw.isEmpty()) {
            return ParameterizedValue.parse(fallback, problems, position);
        }
        ParameterizedValue type = ParameterizedValue.parse(raw.get(), problems, position);
        int slash = type.value().indexOf('/');
        if (slash <= 0 || slash == type.value().length() - 1 || type.value().indexOf(' ') >= 0) {
            problems.add(Problem.Kind.UNPARSEABLE_HEADER, position, "Content-Type: " + raw.get());
            return ParameterizedValue.parse(fallback, problems, position);
        }
        return type;
    }

    private void noteProtection(ParameterizedValue type) {
        String protocol = type.parameter("protocol").orElse("").toLowerCase(Locale.ROOT);
        if (type.value().equals("multipart/signed") && protocol.endsWith("pkcs7-signature")) {
            smimeSigned = true;
        }
        if (isPkcs7Mime(type)) {
            String smimeType = type.parameter("smime-type").orElse("").toLowerCase(Locale.ROOT);
            if (smimeType.equals("signed-data")) {
                smimeSigned = true;
            } else if (!smimeType.equals("certs-only") && !smimeType.equals("compressed-data")) {
                smimeEncrypted = true;
            }
        }
    }

    private void multipart(ParameterizedValue type, String position, int depth, Context context) {
        Optional<String> boundary = type.parameter("boundary")
                .filter(value -> !value.isEmpty() && value.length() <= MAX_BOUNDARY)
                .filter(value -> value.chars().noneMatch(c -> c == '\r' || c == '\n'));
        if (boundary.isEmpty()) {
            problems.add(Problem.Kind.MISSING_BOUNDARY, position, type.value());
            stream.skipToDelimiter();
            return;
        }
        if (depth >= limits.maxDepth()) {
            problems.add(Problem.Kind.TOO_DEEP, position, type.value());
            stream.skipToDelimiter();
            return;
        }
        int level = stream.pushBoundary(boundary.get().getBytes(StandardCharsets.UTF_8));
        boolean pushed = true;
        int[] chosenAlternative = {-1};
        boolean alternative = type.value().equals("multipart/alternative");
        stream.skipToDelimiter();
        for (int number = 1; ; number++) {
            MimeStream.Delimiter delimiter = stream.pending();
            if (delimiter == null || delimiter.level() != level) {
                problems.add(Problem.Kind.TRUNCATED, position, type.value());
                break;
            }
            stream.claim();
            if (delimiter.close()) {
                stream.popBoundary();
                pushed = false;
                stream.skipToDelimiter();
                break;
            }
            if (++entities > limits.maxParts()) {
                problems.add(Problem.Kind.TOO_MANY_PARTS, "", String.valueOf(limits.maxParts()));
                gaveUp = true;
                break;
            }
            String child = position.isEmpty() ? String.valueOf(number) : position + "." + number;
            Branch branch = alternative ? new Branch(chosenAlternative, number) : null;
            content(readHeader(child), child, depth + 1, context.child(type, branch));
            if (gaveUp) {
                break;
            }
        }
        if (pushed) {
            stream.popBoundary();
        }
    }

    private void leaf(HeaderFields header, ParameterizedValue type, String position, Context context) {
        InputStream content = decoded(header, position);
        Optional<ParameterizedValue> disposition = header.first("Content-Disposition")
                .map(raw -> ParameterizedValue.parse(raw, problems, position));
        String fileName = disposition.flatMap(value -> value.parameter("filename"))
                .or(() -> type.parameter("name"))
                .map(String::strip)
                .orElse("");
        boolean attached = disposition.map(value -> value.value().equals("attachment")).orElse(false);
        boolean textual = type.value().equals("text/plain") || type.value().equals("text/html");
        if (textual && !attached && fileName.isEmpty()) {
            bodyText(content, type, position, context);
        } else if (isSignature(type) || isPkcs7Mime(type)) {
            count(content);
        } else {
            long size = count(content);
            boolean inline = disposition.map(value -> value.value().equals("inline")).orElse(context.related());
            attachments.add(new Attachment(position, fileName, type.value(), size, inline));
        }
    }

    private InputStream decoded(HeaderFields header, String position) {
        PartBody body = new PartBody(stream);
        String encoding = header.first("Content-Transfer-Encoding").orElse("7bit").strip().toLowerCase(Locale.ROOT);
        switch (encoding) {
            case "base64":
                return new Base64Decoding(body);
            case "quoted-printable":
                return new QuotedPrintableDecoding(body);
            case "7bit", "8bit", "binary", "":
                return body;
            default:
                problems.add(Problem.Kind.UNKNOWN_TRANSFER_ENCODING, position, encoding);
                return body;
        }
    }

    private void bodyText(InputStream content, ParameterizedValue type, String position, Context context) {
        if (!context.textWanted()) {
            count(content);
            return;
        }
        if (text.remaining() <= 0) {
            problems.add(Problem.Kind.TEXT_TRUNCATED, position, "");
            count(content);
            return;
        }
        context.textTaken();
        // Four bytes per character covers every charset; HTML's markup may need more, which is cut.
        int byteLimit = (int) Math.min(Integer.MAX_VALUE - 16, text.remaining() * 4L + 4);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.min(byteLimit, 8192));
        byte[] buffer = new byte[8192];
        boolean cut = false;
        try {
            for (int read = content.read(buffer); read >= 0; read = content.read(buffer)) {
                int keep = Math.min(read, byteLimit - bytes.size());
                bytes.write(buffer, 0, keep);
                if (keep < read) {
                    cut = true;
                    break;
                }
            }
        } catch (IOException e) {
            throw new MimeStream.ReadFailure(e);
        }
        if (cut) {
            count(content);
            problems.add(Problem.Kind.TEXT_TRUNCATED, position, "");
        }
        byte[] raw = bytes.toByteArray();
        String decoded = decodeText(raw, type.parameter("charset").orElse(""), position);
        String partText = type.value().equals("text/html") ? HtmlText.toText(decoded) : decoded;
        if (!text.append(partText)) {
            problems.add(Problem.Kind.TEXT_TRUNCATED, position, "");
        }
    }

    private String decodeText(byte[] raw, String label, String position) {
        if (label.isBlank() || MailCharsets.isAsciiLabel(label)) {
            // Unlabelled or "ASCII" text with 8-bit bytes is common in old Japanese mail: guess.
            return MailCharsets.guess(raw, raw.length);
        }
        Optional<Charset> charset = MailCharsets.forLabel(label);
        if (charset.isEmpty()) {
            problems.add(Problem.Kind.UNKNOWN_CHARSET, position, label);
            return MailCharsets.guess(raw, raw.length);
        }
        return MailCharsets.decode(raw, raw.length, charset.get());
    }

    private HeaderFields readHeader(String position) {
        HeaderFields fields = new HeaderFields();
        ByteArrayOutputStream field = new ByteArrayOutputStream();
        int total = 0;
        boolean tooLarge = false;
        while (stream.next()) {
            byte[] chunk = stream.chunk();
            int length = stream.chunkLength();
            if (stream.chunkAtLineStart()) {
                if (length == stream.lineEndLength()) {
                    break;
                }
                if (chunk[0] != ' ' && chunk[0] != '\t') {
                    addField(fields, field, position);
                }
            }
            total += length;
            if (total > limits.maxHeaderBytes()) {
                if (!tooLarge) {
                    problems.add(Problem.Kind.HEADER_TOO_LARGE, position, String.valueOf(limits.maxHeaderBytes()));
                    tooLarge = true;
                }
                continue;
            }
            field.write(chunk, 0, length);
        }
        addField(fields, field, position);
        return fields;
    }

    private void addField(HeaderFields fields, ByteArrayOutputStream field, String position) {
        if (field.size() > 0) {
            fields.addRaw(field.toByteArray(), field.size(), problems, position);
            field.reset();
        }
    }

    private long count(InputStream content) {
        long count = 0;
        byte[] buffer = new byte[8192];
        try {
            for (int read = content.read(buffer); read >= 0; read = content.read(buffer)) {
                count += read;
            }
        } catch (IOException e) {
            throw new MimeStream.ReadFailure(e);
        }
        return count;
    }

    private Optional<String> messageId(HeaderFields header) {
        return header.first("Message-ID").map(raw -> {
            int open = raw.indexOf('<');
            int close = open < 0 ? -1 : raw.indexOf('>', open);
            return close > open ? raw.substring(open, close + 1) : raw.strip();
        }).filter(id -> !id.isEmpty());
    }

    private Optional<Instant> date(HeaderFields header) {
        Optional<String> raw = header.first("Date");
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        Date parsed;
        try {
            parsed = new MailDateFormat().parse(raw.get(), new ParsePosition(0));
        } catch (RuntimeException e) {
            // Jakarta Mail's date parser was not written for hostile input either.
            parsed = null;
        }
        if (parsed == null) {
            problems.add(Problem.Kind.UNPARSEABLE_DATE, "", raw.get());
            return Optional.empty();
        }
        return Optional.of(parsed.toInstant());
    }

    private List<MailAddress> addresses(HeaderFields header, String name) {
        List<MailAddress> all = new ArrayList<>();
        for (String raw : header.all(name)) {
            all.addAll(AddressLists.parse(raw, name, problems));
        }
        return all;
    }

    private static boolean isSignature(ParameterizedValue type) {
        return type.value().equals("application/pkcs7-signature")
                || type.value().equals("application/x-pkcs7-signature");
    }

    private static boolean isPkcs7Mime(ParameterizedValue type) {
        return type.value().equals("application/pkcs7-mime") || type.value().equals("application/x-pkcs7-mime");
    }
}
