package dev.hikyaku.advisor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdvisorMainTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Locale locale, String... args) {
        return AdvisorMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), locale, closedUdpPort(), dir.resolve("v.db"),
                "probe.test", Clock.systemUTC());
    }

    /** A loopback UDP port nobody listens on: DNS questions fail at once with "port unreachable". */
    private static InetSocketAddress closedUdpPort() {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return new InetSocketAddress(InetAddress.getLoopbackAddress(), socket.getLocalPort());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void noArgumentsPrintsUsageAndExitsTwo() {
        assertEquals(2, run(Locale.ENGLISH));
        assertTrue(err().contains("Usage: java -jar tls-advisor.jar check"), err());
    }

    @Test
    void helpGoesToStandardOutput() {
        assertEquals(0, run(Locale.ENGLISH, "--help"));
        assertTrue(out().contains("--trust-anchor"), out());
        assertTrue(out().contains("the system's"), "apostrophes survive MessageFormat: " + out());
    }

    @Test
    void badOptionsSayWhatIsWrongInTheChosenLanguage() {
        assertEquals(2, run(Locale.ENGLISH, "check", "--smtp-port", "99999", "example.jp"));
        assertTrue(err().contains("'99999' is not a port number"), err());
        err.reset();
        assertEquals(2, run(Locale.ENGLISH, "check", "--lang", "ja", "--timeout", "0", "example.jp"));
        assertTrue(err().contains("「0」はタイムアウトとして使えません"), err());
        err.reset();
        assertEquals(2, run(Locale.ENGLISH, "check", "--dns", "resolver.example", "example.jp"));
        assertTrue(err().contains("is not a resolver address"), err());
        err.reset();
        assertEquals(2, run(Locale.ENGLISH, "check"));
        assertTrue(err().contains("Give at least one address or domain"), err());
        err.reset();
        assertEquals(2, run(Locale.ENGLISH, "probe", "example.jp"));
        assertTrue(err().contains("Unknown command 'probe'"), err());
    }

    @Test
    void englishIsEnglishEvenWhenTheDefaultLanguageIsJapanese() {
        assertEquals(2, run(Locale.JAPANESE, "check", "--lang", "en", "--frobnicate"));
        assertTrue(err().contains("Unknown option '--frobnicate'"), err());
        err.reset();
        assertEquals(2, run(Locale.JAPANESE, "check", "--frobnicate"));
        assertTrue(err().contains("オプション「--frobnicate」はありません"), err());
    }

    @Test
    void anUnreadableCaFileIsAUsageErrorNamingTheFile() throws IOException {
        Path pem = Files.writeString(dir.resolve("company-ca.pem"), "not a certificate");
        assertEquals(2, run(Locale.ENGLISH, "check", "--trust-ca", pem.toString(), "example.jp"));
        assertTrue(err().contains("company-ca.pem cannot be read"), err());
    }

    @Test
    void aBadTargetIsReportedAndTheOthersAreStillChecked() {
        assertEquals(1, run(Locale.ENGLISH, "check", "--timeout", "2", "bad..example.jp", "taro@example.test"));
        assertTrue(err().contains("'bad..example.jp' is not a mail address or domain; skipped."), err());
        assertTrue(out().startsWith("example.test"), out());
        assertTrue(out().contains("UNKNOWN"), "an unreachable resolver never reads as a verdict about TLS: " + out());
    }

    @Test
    void jsonPutsDomainLevelAndReasonFirst() {
        assertEquals(0, run(Locale.ENGLISH, "check", "--json", "--timeout", "2", "example.test"));
        String line = out().strip();
        assertTrue(line.startsWith("{\"domain\":\"example.test\",\"level\":\"UNKNOWN\",\"reason\":\"Not judged"), line);
        for (String field : new String[] {"\"mx\":[]", "\"mta_sts\":", "\"dane\":", "\"tls_rpt\":", "\"elapsed_ms\":"}) {
            assertTrue(line.contains(field), field + " in " + line);
        }
    }
}
