package dev.hikyaku.advisor.mtasts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MtaStsPolicyParserTest {
    private final MtaStsPolicyParser parser = new MtaStsPolicyParser();

    @Test
    void parsesTheRfcExampleWithCrlfLines() throws Exception {
        MtaStsPolicy policy = parser.parse("version: STSv1\r\nmode: enforce\r\nmx: mail.example.com\r\n"
                + "mx: *.example.net\r\nmx: backupmx.example.com\r\nmax_age: 604800\r\n");
        assertEquals(MtaStsMode.ENFORCE, policy.mode());
        assertEquals(Duration.ofDays(7), policy.maxAge());
        assertEquals(List.of("mail.example.com", "*.example.net", "backupmx.example.com"),
                policy.mx().stream().map(MxPattern::pattern).toList());
    }

    @Test
    void toleratesLfLinesNoFinalNewlineUnknownFieldsAndSpacing() throws Exception {
        MtaStsPolicy policy = parser.parse("version:STSv1\nmode:   testing\nmx: MX1.Example.COM\nfuture_field: x\nmax_age: 86400");
        assertEquals(MtaStsMode.TESTING, policy.mode());
        assertTrue(policy.covers("mx1.example.com."));
    }

    @Test
    void modeNoneNeedsNoMx() throws Exception {
        assertEquals(MtaStsMode.NONE, parser.parse("version: STSv1\nmode: none\nmax_age: 0\n").mode());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "mode: enforce\\nmx: a.example\\nmax_age: 1|no version field",
            "version: STSv2\\nmode: enforce\\nmx: a.example\\nmax_age: 1|version is not STSv1",
            "version: STSv1\\nmx: a.example\\nmax_age: 1|no mode field",
            "version: STSv1\\nmode: enforce\\nmx: a.example|no max_age field",
            "version: STSv1\\nmode: enforce\\nmax_age: 1|no mx field, which mode enforce requires",
            "version: STSv1\\nmode: Enforce\\nmx: a.example\\nmax_age: 1|mode 'Enforce' is not enforce, testing or none",
            "version: STSv1\\nmode: enforce\\nmx: a.example\\nmax_age: 31557601|max_age exceeds one year (31557600 s)",
            "version: STSv1\\nmode: enforce\\nmx: a.example\\nmax_age: -5|max_age is not a number of seconds",
            "version: STSv1\\nmode: enforce\\nmx: a.example\\nmax_age: 99999999999|max_age is not a number of seconds",
            "version: STSv1\\nmode: enforce\\nmode: testing\\nmx: a.example\\nmax_age: 1|field mode appears twice",
            "version: STSv1\\nmode: enforce\\nmx: 192.0.2.1\\nmax_age: 1|mx '192.0.2.1' is not a host name or *. pattern",
            "version: STSv1\\nmode: enforce\\nmx: a.*.example\\nmax_age: 1|mx 'a.*.example' is not a host name or *. pattern",
            "version: STSv1\\nmode: enforce\\njunk line\\nmx: a.example\\nmax_age: 1|line 3 is not 'key: value'",
            "<html>not found</html>|line 1 is not 'key: value'"})
    void strictGrammarNamesTheFault(String body, String fault) {
        PolicySyntaxException e = assertThrows(PolicySyntaxException.class, () -> parser.parse(body.replace("\\n", "\n")));
        assertEquals(fault, e.getMessage());
    }

    @Test
    void hostileValuesAreNotEchoedRaw() {
        PolicySyntaxException e = assertThrows(PolicySyntaxException.class,
                () -> parser.parse("version: STSv1\nmode: \u001b[31m" + "x".repeat(100) + "\nmx: a.example\nmax_age: 1"));
        assertFalse(e.getMessage().contains("\u001b"));
        assertTrue(e.getMessage().length() < 100, e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({
            "mail.example.com,mail.example.com,true",
            "mail.example.com,MAIL.example.com.,true",
            "mail.example.com,other.example.com,false",
            "*.example.net,mx1.example.net,true",
            "*.example.net,example.net,false",
            "*.example.net,a.mx1.example.net,false",
            "*.example.net,mx1.example.net.evil,false"})
    void wildcardCoversExactlyOneLeftmostLabel(String pattern, String host, boolean covered) {
        assertEquals(covered, new MxPattern(pattern).matches(host));
    }
}
