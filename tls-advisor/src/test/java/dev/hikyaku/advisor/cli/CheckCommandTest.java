package dev.hikyaku.advisor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.testworld.ca.FixtureCa;
import dev.hikyaku.testworld.dns.DnsWorld;
import dev.hikyaku.testworld.smtp.MxBehaviour;
import dev.hikyaku.testworld.smtp.MxGroup;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check command end to end: options pointing at the loopback world, a table, evidence and JSON. */
class CheckCommandTest {
    private final DnsWorld dns = DnsWorld.start();
    private final FixtureCa ca = FixtureCa.create();
    private MxGroup group;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path dir;

    @BeforeEach
    void world() throws Exception {
        group = MxGroup.start(List.of(MxBehaviour.startTls(ca.server("mx1.example.test")), MxBehaviour.plain()));
        dns.zone("example.test").add("@ MX 10 mx1").add("mx1 A " + MxGroup.addressOf(0).getHostAddress());
        dns.signedZone("plain.test").add("@ MX 10 mx").add("mx A " + MxGroup.addressOf(1).getHostAddress());
    }

    @AfterEach
    void stop() throws Exception {
        group.close();
        dns.close();
    }

    private int run(String... options) throws Exception {
        Path pem = Files.writeString(dir.resolve("ca.pem"), ca.rootPem());
        Path anchor = Files.writeString(dir.resolve("anchor.txt"), dns.trustAnchors());
        List<String> args = new ArrayList<>(List.of("check", "--dns", "127.0.0.1:" + dns.port(), "--smtp-port",
                String.valueOf(group.port()), "--trust-ca", pem.toString(), "--trust-anchor", anchor.toString(),
                "--cache", dir.resolve("verdicts.db").toString(), "--timeout", "3"));
        args.addAll(List.of(options));
        int code = AdvisorMain.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Locale.ENGLISH, dns.address(),
                dir.resolve("unused.db"), "probe.test", Clock.systemUTC());
        assertEquals("", err.toString(StandardCharsets.UTF_8), "nothing goes wrong");
        return code;
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aTableRowPerDomainInTheOrderAsked() throws Exception {
        assertEquals(0, run("taro@example.test", "hanako@plain.test"));
        List<String> rows = out().lines().toList();
        assertEquals(2, rows.size(), out());
        assertTrue(rows.get(0).matches("example\\.test +ENCRYPTED +.+"), rows.get(0));
        assertTrue(rows.get(1).matches("plain\\.test +PLAINTEXT +.+"), rows.get(1));
    }

    @Test
    void verboseShowsTheEvidenceOfEachMx() throws Exception {
        assertEquals(0, run("-v", "example.test"));
        String text = out();
        assertTrue(text.contains("MX mx1.example.test (preference 10)"), text);
        assertTrue(text.contains("STARTTLS: yes"), text);
        assertTrue(text.contains("trusted: yes   name matches: yes"), text);
        assertTrue(text.contains("MTA-STS: none published"), text);
    }

    @Test
    void jsonCarriesTheEvidenceAndTheSecondRunComesFromTheCache() throws Exception {
        assertEquals(0, run("--json", "plain.test"));
        String first = out().strip();
        assertTrue(first.contains("\"level\":\"PLAINTEXT\""), first);
        assertTrue(first.contains("\"mx_secure\":true"), "the signed zone's MX validated with the given anchor: " + first);
        out.reset();
        assertEquals(0, run("--json", "plain.test"));
        assertEquals(first, out().strip(), "the same report, from the verdict cache");
        assertEquals(1, group.server(1).connectionCount());
        out.reset();
        assertEquals(0, run("--json", "--fresh", "plain.test"));
        assertEquals(2, group.server(1).connectionCount());
    }

    @Test
    void japaneseOutputOnRequest() throws Exception {
        assertEquals(0, run("--lang", "ja", "-v", "example.test"));
        assertTrue(out().contains("信頼済み: はい"), out());
    }
}
