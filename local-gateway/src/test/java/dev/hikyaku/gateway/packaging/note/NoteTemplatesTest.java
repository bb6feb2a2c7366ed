package dev.hikyaku.gateway.packaging.note;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NoteTemplatesTest {
    private static final NoteFacts FACTS = new NoteFacts("見積書.zip", List.of("見積書.pdf", "明細.xlsx"),
            "the one from the June meeting");

    @TempDir
    Path folder;

    @Test
    void everyNoteIsJapaneseThenEnglishWithThePlaceholdersFilled() {
        NoteTemplates templates = NoteTemplates.defaults();
        String note = templates.render(NoteKind.AES_AGREED, FACTS);
        int japanese = note.indexOf("パスワードはこのメールには書いていません");
        int english = note.indexOf("The password is not in this message");
        assertTrue(japanese >= 0 && english > japanese, note);
        assertTrue(note.contains("「見積書.zip」"), note);
        assertTrue(note.contains("\"見積書.zip\""), note);
        assertTrue(note.contains("- 見積書.pdf\r\n- 明細.xlsx"), note);
        assertTrue(note.contains("（2 件）") && note.contains("(2)"), note);
        assertTrue(note.contains("ヒント: the one from the June meeting"), note);
        assertTrue(note.contains("Hint: the one from the June meeting"), note);
        assertFalse(note.contains("{"), "no placeholder left: " + note);
        assertFalse(note.replace("\r\n", "").contains("\n"), "CRLF lines only");

        String fresh = templates.render(NoteKind.AES_FRESH, FACTS);
        assertTrue(fresh.contains("電話やチャット") && fresh.contains("by phone or chat"), fresh);
        assertFalse(fresh.contains("June"), "a fresh passphrase has no hint");
        assertTrue(templates.render(NoteKind.PLAIN_ZIP, FACTS).contains("It has no password"));
    }

    @Test
    void aUsersTemplateReplacesTheDefaultAndLinesFromMailCannotBreakOut() throws IOException {
        Files.writeString(folder.resolve("aes-agreed.ja.txt"), "\uFEFF{zip} のパスワード: ヒントは {hint} {unknown}\n",
                StandardCharsets.UTF_8);
        NoteTemplates templates = NoteTemplates.load(folder);
        String note = templates.render(NoteKind.AES_AGREED,
                new NoteFacts("a.zip", List.of("x.pdf"), "line one\r\nSubject: injected"));
        assertTrue(note.startsWith("a.zip のパスワード: ヒントは line one  Subject: injected {unknown}\r\n"), note);
        assertTrue(note.contains("The password is not in this message"), "the English default stays: " + note);
    }

    @Test
    void theDefaultsCanBeWrittenOutForEditingWithoutOverwritingTheUsersFiles() throws IOException {
        Files.writeString(folder.resolve("plain-zip.en.txt"), "mine", StandardCharsets.UTF_8);
        NoteTemplates.writeDefaults(folder);
        assertEquals("mine", Files.readString(folder.resolve("plain-zip.en.txt")));
        for (NoteKind kind : NoteKind.values()) {
            for (String language : NoteTemplates.LANGUAGES) {
                assertTrue(Files.isRegularFile(folder.resolve(kind.fileName(language))));
            }
        }
        assertEquals(NoteTemplates.defaults().render(NoteKind.AES_FRESH, FACTS),
                NoteTemplates.load(folder).render(NoteKind.AES_FRESH, FACTS));
    }

    @Test
    void aTemplateThatIsNotUtf8OrTooLargeIsRefusedSayingWhichFile() throws IOException {
        Path file = folder.resolve("aes-fresh.en.txt");
        Files.write(file, new byte[] {'o', 'k', (byte) 0xff, (byte) 0xfe});
        NoteTemplateException e = assertThrows(NoteTemplateException.class, () -> NoteTemplates.load(folder));
        assertTrue(e.message(Locale.JAPANESE).contains(file.toString()), e.message(Locale.JAPANESE));
        Files.writeString(file, "x".repeat(20_000));
        assertThrows(NoteTemplateException.class, () -> NoteTemplates.load(folder));
    }
}
