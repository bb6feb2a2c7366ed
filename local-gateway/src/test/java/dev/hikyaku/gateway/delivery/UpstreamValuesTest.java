package dev.hikyaku.gateway.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

/** The delivery package's values: what they accept, refuse and print. */
class UpstreamValuesTest {

    private static final SSLContext TRUST = UpstreamTrust.systemCas();

    @Test
    void plainTextIsOnlyForLoopback() {
        UpstreamSettings.of("127.0.0.1", 25, UpstreamSecurity.NONE, TRUST);
        UpstreamSettings.of("::1", 25, UpstreamSecurity.NONE, TRUST);
        UpstreamSettings.of("localhost", 25, UpstreamSecurity.NONE, TRUST);
        assertThrows(IllegalArgumentException.class,
                () -> UpstreamSettings.of("smtp.example.test", 25, UpstreamSecurity.NONE, TRUST));
        assertThrows(IllegalArgumentException.class,
                () -> UpstreamSettings.of("192.0.2.1", 25, UpstreamSecurity.NONE, TRUST));
    }

    @Test
    void settingsRefuseWhatCouldNotBeAHostOrAnEhloName() {
        UpstreamSettings settings = UpstreamSettings.of("smtp.example.test", 587, UpstreamSecurity.STARTTLS_REQUIRED,
                TRUST);
        assertEquals(4, settings.maxPooledConnections());
        assertThrows(IllegalArgumentException.class, () -> settings.withEhloName("bad name\r\nRSET"));
        assertThrows(IllegalArgumentException.class, () -> settings.withMaxPooledConnections(0));
        assertThrows(IllegalArgumentException.class,
                () -> UpstreamSettings.of("smtp.example.test\r\n", 587, UpstreamSecurity.STARTTLS_REQUIRED, TRUST));
        assertThrows(IllegalArgumentException.class,
                () -> UpstreamSettings.of("smtp.example.test", 0, UpstreamSecurity.STARTTLS_REQUIRED, TRUST));
        settings.withEhloName("[127.0.0.1]");
    }

    @Test
    void requestsRefuseAddressesThatCouldBreakACommandLine() {
        Path file = Path.of("message.eml");
        for (String hostile : List.of("a@example.test>\r\nRSET", "a@example.test> NOTIFY=NEVER", "a b@example.test",
                "\u82b1\u5b50@example.test", "a\0@example.test", "", "group:a@example.test,b@example.test;")) {
            assertThrows(IllegalArgumentException.class, () -> new DeliveryRequest(file, "taro@example.test",
                    List.of(hostile), false, false, false, Optional.empty()), hostile);
        }
        assertThrows(IllegalArgumentException.class, () -> new DeliveryRequest(file, "taro@example.test>",
                List.of("a@example.test"), false, false, false, Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> new DeliveryRequest(file, "taro@example.test",
                List.of(), false, false, false, Optional.empty()));
        new DeliveryRequest(file, "", List.of("\u82b1\u5b50@example.test"), false, true, false, Optional.empty());
    }

    @Test
    void repliesAreParsedIntoCodeEnhancedCodeAndPrintableText() {
        assertEquals(new UpstreamReply(550, "5.1.1", "No such user"),
                UpstreamReply.parse(550, "550 5.1.1 No such user\n"));
        assertEquals(new UpstreamReply(451, "4.3.0", "Try again later, we are busy"),
                UpstreamReply.parse(451, "451-4.3.0 Try again later,\n451 4.3.0 we are busy\n"));
        assertEquals(new UpstreamReply(554, "", "no enhanced code"),
                UpstreamReply.parse(554, "554 no enhanced code\n"));
        assertEquals(new UpstreamReply(-1, "", "[EOF]"), UpstreamReply.parse(-1, "[EOF]"));
        UpstreamReply hostile = UpstreamReply.parse(550, "550 5.7.1 caf\u00e9 \u0007bell\r\n");
        assertEquals("caf? ?bell", hostile.text());
        assertEquals("550 5.7.1 caf? ?bell", hostile.line());
        assertEquals(Printable.MAX_ARGUMENT, UpstreamReply.parse(550, "550 " + "x".repeat(5000)).text().length());
    }

    @Test
    void everyProblemHasAnEnglishAndAJapaneseText() throws IOException {
        Set<String> english = deliveryKeys("messages.properties");
        Set<String> japanese = deliveryKeys("messages_ja.properties");
        assertEquals(english, japanese);
        assertTrue(english.size() >= 15, english.toString());
        for (String key : english) {
            UpstreamProblem problem = UpstreamProblem.of(key, "smtp.example.test", "587", "detail");
            assertNotEquals(problem.text(Locale.ENGLISH), problem.text(Locale.JAPANESE), key);
            assertTrue(problem.english().chars().allMatch(c -> c >= 0x20 && c < 0x7f), key);
            assertFalse(problem.english().contains("{"), key);
        }
    }

    @Test
    void problemArgumentsFromTheNetworkAreMadePrintable() {
        UpstreamProblem problem = UpstreamProblem.of("delivery.upstreamReply", "smtp.example.test",
                "451 \u001b[31mred\r\nRSET");
        assertEquals(List.of("smtp.example.test", "451 ?[31mred RSET"), problem.arguments());
        assertEquals("The outgoing mail server smtp.example.test answered: 451 ?[31mred RSET", problem.toString());
    }

    private static Set<String> deliveryKeys(String bundle) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = UpstreamValuesTest.class.getResourceAsStream("/dev/hikyaku/gateway/" + bundle)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        Set<String> keys = new TreeSet<>();
        properties.stringPropertyNames().stream().filter(key -> key.startsWith("delivery.")).forEach(keys::add);
        return keys;
    }
}
