package dev.hikyaku.app.clients.thunderbird;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PrefsLineParserTest {
    @Test
    void readsStringsNumbersAndBooleans() {
        assertEquals(pref("mail.smtpserver.smtp1.hostname", new PrefValue.Text("smtp.example.jp")),
                PrefsLineParser.parse("user_pref(\"mail.smtpserver.smtp1.hostname\", \"smtp.example.jp\");"));
        assertEquals(pref("mail.smtpserver.smtp1.port", new PrefValue.Number(587)),
                PrefsLineParser.parse("user_pref(\"mail.smtpserver.smtp1.port\", 587);"));
        assertEquals(pref("a.b", new PrefValue.Number(-3)), PrefsLineParser.parse("pref('a.b',-3) ;"));
        assertEquals(pref("mail.check", new PrefValue.Flag(true)),
                PrefsLineParser.parse("  sticky_pref(\"mail.check\", true); // trailing comment"));
    }

    @Test
    void undoesEscapes() {
        assertEquals(pref("say", new PrefValue.Text("a \"quoted\" \\ path\n日本")),
                PrefsLineParser.parse("user_pref(\"say\", \"a \\\"quoted\\\" \\\\ path\\n\\u65e5\\u672c\");"));
        assertEquals(pref("x", new PrefValue.Text("A")), PrefsLineParser.parse("user_pref(\"x\", \"\\x41\");"));
    }

    @Test
    void ignoresWhatItDoesNotUnderstand() {
        for (String line : new String[] {
                "// Mozilla User Preferences",
                "/* a block comment */",
                "",
                "user_pref(\"unterminated, 1);",
                "user_pref(\"a\", 99999999999);",
                "user_pref(\"a\", 1) extra;",
                "user_pref(\"a\", 1)",
                "user_pref(\"a\", undefined);",
                "user_pref(\"a\", \"\\u12\");",
                "preference(\"a\", 1);",
                "user_pref(\"a\", 1); alert(1);",
        }) {
            assertEquals(Optional.empty(), PrefsLineParser.parse(line), line);
        }
    }

    private static Optional<Pref> pref(String name, PrefValue value) {
        return Optional.of(new Pref(name, value));
    }
}
