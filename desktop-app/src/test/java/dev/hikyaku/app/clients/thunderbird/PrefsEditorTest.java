package dev.hikyaku.app.clients.thunderbird;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PrefsEditorTest {
    @Test
    void replacesTheWinningStatementInPlaceAndKeepsEverythingElse() {
        PrefsEditor editor = PrefsEditor.of("// comment\r\nuser_pref(\"a\", 1);\r\nuser_pref(\"b\", true);\r\n"
                + "user_pref(\"a\", 2);\r\n");

        editor.set("a", new PrefValue.Number(3));

        assertEquals("// comment\r\nuser_pref(\"a\", 1);\r\nuser_pref(\"b\", true);\r\nuser_pref(\"a\", 3);\r\n",
                editor.text());
        assertEquals(Optional.of(new PrefValue.Number(3)), editor.get("a"));
    }

    @Test
    void addsANewStatementAtTheEndAndRemovesEveryStatementOfAName() {
        PrefsEditor editor = PrefsEditor.of("user_pref(\"a\", 1);\nuser_pref(\"a\", 2);\nuser_pref(\"b\", false);");

        editor.set("c", new PrefValue.Text("x"));
        editor.remove("a");

        assertEquals("user_pref(\"b\", false);\nuser_pref(\"c\", \"x\");\n", editor.text());
        assertEquals(Optional.empty(), editor.get("a"));
    }

    @Test
    void textSurvivesTheRoundTripThroughTheParser() {
        String tricky = "会社 \"本社\" C:\\mail\nline\u0001end";
        String line = PrefsEditor.statement("mail.smtpserver.smtp1.description", new PrefValue.Text(tricky));

        assertEquals(Optional.of(new Pref("mail.smtpserver.smtp1.description", new PrefValue.Text(tricky))),
                PrefsLineParser.parse(line));
    }
}
