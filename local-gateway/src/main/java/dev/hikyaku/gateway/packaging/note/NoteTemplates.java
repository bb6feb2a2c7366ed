package dev.hikyaku.gateway.packaging.note;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The notes put first in a recipient's copy, saying what was done to the attachments and how to open them.
 * Every note holds the Japanese text, then the English one, as the recipient's language is unknown. The texts
 * come from templates: defaults shipped with Hikyaku, each replaced by a file of the same name in the user's
 * template folder when there is one ({@code aes-agreed.ja.txt}, {@code aes-agreed.en.txt},
 * {@code aes-fresh.ja.txt}, {@code aes-fresh.en.txt}, {@code plain-zip.ja.txt}, {@code plain-zip.en.txt};
 * UTF-8, at most 16 KiB). Placeholders filled in:
 * <ul>
 *   <li>{@code {zip}}: the zip file's name;</li>
 *   <li>{@code {files}}: the files inside, one per line, each as {@code - name};</li>
 *   <li>{@code {count}}: how many files are inside;</li>
 *   <li>{@code {hint}}: the passphrase's hint (aes-agreed only).</li>
 * </ul>
 * Any other text in braces stays as it is. Immutable once loaded.
 */
public final class NoteTemplates {
    /** The template folder's usual name in the data folder. */
    public static final String FOLDER_NAME = "note-templates";
    /** The languages of every note, in the order they appear. */
    public static final List<String> LANGUAGES = List.of("ja", "en");
    private static final int MAX_TEMPLATE_BYTES = 16 * 1024;
    private static final String RESOURCES = "/dev/hikyaku/gateway/packaging/note/";
    private static final String SEPARATOR = "\r\n\r\n----------------------------------------\r\n\r\n";

    private final Map<NoteKind, List<String>> templates;

    private NoteTemplates(Map<NoteKind, List<String>> templates) {
        this.templates = templates;
    }

    /** The templates shipped with Hikyaku. */
    public static NoteTemplates defaults() {
        Map<NoteKind, List<String>> templates = new EnumMap<>(NoteKind.class);
        for (NoteKind kind : NoteKind.values()) {
            templates.put(kind, LANGUAGES.stream().map(language -> shipped(kind.fileName(language))).toList());
        }
        return new NoteTemplates(templates);
    }

    /**
     * The templates, each taken from {@code folder} when the user put a file of its name there and from the
     * defaults otherwise; a missing folder means all defaults.
     *
     * @throws NoteTemplateException when a user's file is larger than 16 KiB or not UTF-8
     */
    public static NoteTemplates load(Path folder) throws IOException {
        Objects.requireNonNull(folder, "folder");
        Map<NoteKind, List<String>> templates = new EnumMap<>(NoteKind.class);
        for (NoteKind kind : NoteKind.values()) {
            String[] texts = new String[LANGUAGES.size()];
            for (int i = 0; i < texts.length; i++) {
                String name = kind.fileName(LANGUAGES.get(i));
                Path file = folder.resolve(name);
                texts[i] = Files.isRegularFile(file) ? userFile(file) : shipped(name);
            }
            templates.put(kind, List.of(texts));
        }
        return new NoteTemplates(templates);
    }

    /**
     * Copies the shipped templates into {@code folder} as a start for the user's own, leaving any file already
     * there alone.
     */
    public static void writeDefaults(Path folder) throws IOException {
        Files.createDirectories(folder);
        for (NoteKind kind : NoteKind.values()) {
            for (String language : LANGUAGES) {
                String name = kind.fileName(language);
                Path file = folder.resolve(name);
                if (!Files.exists(file)) {
                    Files.writeString(file, shipped(name), StandardCharsets.UTF_8);
                }
            }
        }
    }

    /** The note for {@code kind} with {@code facts} filled in: Japanese, a separator line, English; CRLF lines. */
    public String render(NoteKind kind, NoteFacts facts) {
        StringBuilder files = new StringBuilder();
        for (String name : facts.fileNames()) {
            if (files.length() > 0) {
                files.append('\n');
            }
            files.append("- ").append(oneLine(name));
        }
        StringBuilder note = new StringBuilder();
        for (String template : templates.get(kind)) {
            if (note.length() > 0) {
                note.append(SEPARATOR);
            }
            note.append(crlf(fill(template, Map.of("zip", oneLine(facts.zipName()), "files", files.toString(),
                    "count", String.valueOf(facts.fileNames().size()), "hint", oneLine(facts.hint())))).strip());
        }
        return note.append("\r\n").toString();
    }

    private static String fill(String template, Map<String, String> values) {
        StringBuilder filled = new StringBuilder(template.length() + 256);
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            int close = open < 0 ? -1 : template.indexOf('}', open);
            if (close < 0) {
                filled.append(template, i, template.length());
                break;
            }
            String value = values.get(template.substring(open + 1, close));
            filled.append(template, i, open);
            if (value == null) {
                filled.append('{');
                i = open + 1;
            } else {
                filled.append(value);
                i = close + 1;
            }
        }
        return filled.toString();
    }

    /** Names and hints come from mail and users: no line breaks or other controls in the note's lines. */
    private static String oneLine(String text) {
        StringBuilder line = new StringBuilder(text.length());
        text.codePoints().forEach(c -> line.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
        return line.toString();
    }

    private static String crlf(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n').replace("\n", "\r\n");
    }

    private static String shipped(String name) {
        try (InputStream in = NoteTemplates.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("the note template " + name + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the shipped note template " + name, e);
        }
    }

    private static String userFile(Path file) throws NoteTemplateException {
        try {
            if (Files.size(file) <= MAX_TEMPLATE_BYTES) {
                byte[] bytes = Files.readAllBytes(file);
                if (bytes.length <= MAX_TEMPLATE_BYTES) {
                    String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes))
                            .toString();
                    // Windows Notepad may start the file with a byte order mark.
                    return text.startsWith("\uFEFF") ? text.substring(1) : text;
                }
            }
        } catch (IOException e) {
            // Not UTF-8 (CharacterCodingException) or not readable.
            throw new NoteTemplateException(file, e);
        }
        throw new NoteTemplateException(file, null);
    }
}
