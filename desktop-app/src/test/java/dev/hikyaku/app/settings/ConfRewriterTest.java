package dev.hikyaku.app.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hikyaku.gateway.config.SettingsReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfRewriterTest {
    private final ConfRewriter rewriter = new ConfRewriter(SettingsReader.DEFAULTS);

    private static Map<String, String> values(String... pairs) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(pairs[i], pairs[i + 1]);
        }
        return values;
    }

    @Test
    void aKeyInTheFileKeepsItsLineItsSpacingAndTheCommentsAround() {
        List<String> file = List.of(
                "# my relay, see ticket 42",
                "upstream.host = smtp.example.jp",
                "",
                "  listen.port=10587   ",
                "# the resolver our VPN needs",
                "dns.server = 10.0.0.53:53");
        List<String> rewritten = rewriter.rewrite(file, values("listen.port", "2525", "upstream.host", "mail.example.jp"));
        assertEquals(List.of(
                "# my relay, see ticket 42",
                "upstream.host = mail.example.jp",
                "",
                "  listen.port= 2525",
                "# the resolver our VPN needs",
                "dns.server = 10.0.0.53:53"), rewritten);
    }

    @Test
    void aKeyNotInTheFileIsAppendedUnlessItStaysAtItsDefault() {
        List<String> rewritten = rewriter.rewrite(List.of("# mine", "upstream.host = smtp.example.jp"),
                values("upstream.host", "smtp.example.jp", "upstream.port", "587", "guard.hold", "yes",
                        "domains.internal", "example.co.jp, example.jp"));
        assertEquals(List.of("# mine", "upstream.host = smtp.example.jp", "guard.hold = yes",
                "domains.internal = example.co.jp, example.jp"), rewritten);
    }

    @Test
    void aKeyTheFileSetsKeepsItsLineEvenBackAtTheDefault() {
        assertEquals(List.of("upstream.port = 587"),
                rewriter.rewrite(List.of("upstream.port = 465"), values("upstream.port", "587")));
    }

    @Test
    void anEmptiedValueLeavesTheKeyWithNothingAfterTheEqualsSign() {
        assertEquals(List.of("upstream.host ="),
                rewriter.rewrite(List.of("upstream.host = smtp.example.jp"), values("upstream.host", "")));
    }

    @Test
    void linesTheWindowDoesNotKnowAndBrokenLinesStayAsTheyWere() {
        List<String> file = List.of("\uFEFFlisten.port = 10587", "this line is broken", "  # indented comment",
                "limits.recipients = 50");
        assertEquals(List.of("\uFEFFlisten.port = 2525", "this line is broken", "  # indented comment",
                "limits.recipients = 50"), rewriter.rewrite(file, values("listen.port", "2525")));
    }

    @Test
    void aPastedLineBreakCannotSmuggleInASecondSetting() {
        assertEquals(List.of("upstream.host = a.example.jp upstream.port = 25"),
                rewriter.rewrite(List.of("upstream.host = x"), values("upstream.host", "a.example.jp\nupstream.port = 25")));
    }

    @Test
    void aNewFileStartsWithAHeaderComment() {
        List<String> rewritten = rewriter.rewrite(List.of(), values("upstream.host", "smtp.example.jp"));
        assertEquals(ConfRewriter.NEW_FILE_HEADER, rewritten.subList(0, ConfRewriter.NEW_FILE_HEADER.size()));
        assertEquals("upstream.host = smtp.example.jp", rewritten.get(rewritten.size() - 1));
    }
}
