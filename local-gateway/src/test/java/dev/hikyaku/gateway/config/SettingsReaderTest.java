package dev.hikyaku.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.advisor.verdict.Level;
import dev.hikyaku.gateway.delivery.UpstreamSecurity;
import dev.hikyaku.gateway.plan.GroupAction;
import dev.hikyaku.gateway.plan.PackagingPolicy;
import dev.hikyaku.gateway.release.OverduePolicy;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsReaderTest {
    @TempDir
    Path folder;

    private GatewaySettings read(String... lines) {
        return SettingsReader.read(ConfigFile.parse(List.of(lines), "test.conf"), Map.of(), folder);
    }

    private ConfigException refused(String... lines) {
        return assertThrows(ConfigException.class, () -> read(lines));
    }

    @Test
    void anEmptyFileIsTheSandboxOnBothLoopbacks() {
        GatewaySettings settings = read("# nothing set");
        assertTrue(settings.sandbox());
        assertEquals(2, settings.listen().addresses().size());
        assertTrue(settings.listen().addresses().stream().allMatch(a -> a.getAddress().isLoopbackAddress()));
        assertEquals(10587, settings.listen().addresses().get(0).getPort());
        assertFalse(settings.guard().hold().on());
        assertEquals(Duration.ofDays(5), settings.release().retries().giveUpAfter());
        assertEquals(OverduePolicy.ASK, settings.release().overdue());
        assertEquals(64L * 1024 * 1024, settings.maxMessageBytes());
        assertEquals(folder, settings.dataDirectory());
    }

    @Test
    void everyKeyIsRead() throws Exception {
        Path ca = Files.writeString(folder.resolve("ca.pem"), "x");
        GatewaySettings settings = read(
                "\uFEFF# a comment",
                "listen.port = 2525",
                "listen.bind = 127.0.0.1",
                "listen.implicit-tls-port = 2465",
                "upstream.host = smtp.example.co.jp",
                "upstream.port = 465",
                "upstream.security = tls",
                "upstream.trust-ca = " + ca,
                "upstream.requiretls = no",
                "delivery.hold = 5m",
                "delivery.retry-for = 2d",
                "delivery.overdue-after = 12h",
                "delivery.overdue = send",
                "delivery.parallel = 2",
                "dns.server = 127.0.0.1:5353",
                "dns.trust-anchors = " + ca,
                "limits.message-size = 25MB",
                "limits.recipients = 50",
                "data.directory = " + folder.resolve("data"));
        assertEquals(List.of(new InetSocketAddress("127.0.0.1", 2525)), settings.listen().addresses());
        assertEquals(Optional.of(2465), settings.implicitTlsPort());
        UpstreamTarget upstream = settings.upstream().orElseThrow();
        assertEquals("smtp.example.co.jp", upstream.host());
        assertEquals(465, upstream.port());
        assertEquals(UpstreamSecurity.IMPLICIT_TLS, upstream.security());
        assertEquals(Optional.of(ca), upstream.trustCa());
        assertFalse(settings.release().requireTls());
        assertEquals(Duration.ofMinutes(5), settings.guard().hold().delay());
        assertEquals(Duration.ofDays(2), settings.release().retries().giveUpAfter());
        assertEquals(Duration.ofHours(12), settings.release().overdueAfter());
        assertEquals(OverduePolicy.SEND, settings.release().overdue());
        assertEquals(2, settings.release().parallel());
        assertEquals(InetSocketAddress.createUnresolved("127.0.0.1", 5353), settings.dns().orElseThrow());
        assertEquals(Optional.of(ca), settings.dnsTrustAnchors());
        assertEquals(25_000_000L, settings.maxMessageBytes());
        assertEquals(50, settings.maxRecipients());
        assertEquals(folder.resolve("data"), settings.dataDirectory());
    }

    @Test
    void commandLineOverridesTheFile() {
        GatewaySettings settings = SettingsReader.read(ConfigFile.parse(List.of("listen.port = 2525"), "f"),
                Map.of("listen.port", "2626", "upstream.host", "127.0.0.1"), folder);
        assertEquals(2626, settings.listen().addresses().get(0).getPort());
        assertFalse(settings.sandbox());
    }

    @Test
    void aTypoIsRefusedWithTheKeyItsLineAndTheKnownKeys() {
        ConfigException e = refused("", "upstream.hots = smtp.example.jp");
        assertTrue(e.message(Locale.ENGLISH).contains("upstream.hots"), e.message(Locale.ENGLISH));
        assertTrue(e.message(Locale.ENGLISH).contains("line 2"), e.message(Locale.ENGLISH));
        assertTrue(e.message(Locale.ENGLISH).contains("upstream.host,"), e.message(Locale.ENGLISH));
        assertTrue(e.message(Locale.JAPANESE).contains("2 行目"), e.message(Locale.JAPANESE));
    }

    @Test
    void badValuesNameTheKeyAndWhatIsExpected() {
        assertTrue(refused("listen.port = 70000").message(Locale.ENGLISH).contains("from 1 to 65535"));
        assertTrue(refused("delivery.hold = 5 minutes").message(Locale.ENGLISH).contains("30s, 5m"));
        assertTrue(refused("limits.message-size = huge").message(Locale.ENGLISH).contains("64MiB"));
        assertTrue(refused("upstream.security = ssl").message(Locale.ENGLISH).contains("starttls, tls, none"));
        assertTrue(refused("upstream.requiretls = maybe").message(Locale.JAPANESE).contains("yes でも no でも"));
        assertTrue(refused("delivery.overdue = later").message(Locale.ENGLISH).contains("ask, send"));
        assertTrue(refused("dns.server = 127.0.0.1").message(Locale.ENGLISH).contains("host:port"));
        assertTrue(refused("upstream.trust-ca = /no/such.pem").message(Locale.ENGLISH).contains("/no/such.pem"));
        assertTrue(refused("limits.recipients = 0").message(Locale.ENGLISH).contains("limits.recipients"));
    }

    @Test
    void listeningOutsideLoopbackNeedsExplicitConsent() {
        ConfigException e = refused("listen.bind = 192.0.2.1");
        assertTrue(e.message(Locale.ENGLISH).contains("listen.bind"));
        assertTrue(e.message(Locale.ENGLISH).contains("not a loopback address"), e.message(Locale.ENGLISH));
        GatewaySettings allowed = read("listen.bind = 192.0.2.1", "listen.allow-non-loopback = yes");
        assertFalse(allowed.listen().addresses().get(0).getAddress().isLoopbackAddress());
    }

    @Test
    void syntaxErrorsAndDuplicatesAreRefusedByLine() {
        ConfigException syntax = assertThrows(ConfigException.class,
                () -> ConfigFile.parse(List.of("listen.port 2525"), "test.conf"));
        assertTrue(syntax.message(Locale.ENGLISH).contains("test.conf, line 1"));
        ConfigException twice = assertThrows(ConfigException.class,
                () -> ConfigFile.parse(List.of("listen.port = 1", "listen.port = 2"), "test.conf"));
        assertTrue(twice.message(Locale.ENGLISH).contains("already set on line 1"), twice.message(Locale.ENGLISH));
    }

    @Test
    void aFileThatIsNotUtf8IsRefused() throws Exception {
        Path file = Files.write(folder.resolve("bad.conf"), new byte[] {'a', '=', (byte) 0xff, (byte) 0xfe});
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigFile.read(file));
        assertTrue(e.message(Locale.ENGLISH).contains("not UTF-8"));
    }

    @Test
    void packagingIsConfiguredPerLevelDomainAndAddress() {
        PackagingPolicy policy = read("packaging.plaintext = refuse", "packaging.encrypted = zip",
                "packaging.domains = partner.co.jp: as-is, @old.example: aes-zip-fresh",
                "packaging.addresses = Boss@X.jp: hold", "domains.internal-skips-packaging = no").packaging();
        assertEquals(new GroupAction.Refuse(), policy.byLevel().get(Level.PLAINTEXT));
        assertEquals(new GroupAction.PlainZip(), policy.byLevel().get(Level.ENCRYPTED));
        assertEquals(new GroupAction.AsIs(), policy.byDomain().get("partner.co.jp"));
        assertEquals(new GroupAction.AesZip(GroupAction.Passphrase.FRESH), policy.byDomain().get("old.example"));
        assertEquals(new GroupAction.HoldForSender(), policy.byAddress().get("boss@x.jp"));
        assertFalse(policy.internalAsIs());
        assertEquals(PackagingPolicy.defaults(), read("# nothing").packaging());
    }

    @Test
    void aBadPackagingActionOrEntryIsNamed() {
        ConfigException action = refused("packaging.plaintext = smime");
        assertTrue(action.message(Locale.ENGLISH).contains("packaging.plaintext"), action.message(Locale.ENGLISH));
        assertTrue(action.message(Locale.ENGLISH).contains("aes-zip"), "the choices are listed");
        assertTrue(action.message(Locale.JAPANESE).contains("1 行目"), action.message(Locale.JAPANESE));
        ConfigException entry = refused("packaging.domains = partner.co.jp");
        assertTrue(entry.message(Locale.ENGLISH).contains("example.co.jp: zip"), entry.message(Locale.ENGLISH));
        assertTrue(entry.message(Locale.JAPANESE).contains("宛先と処理"), entry.message(Locale.JAPANESE));
    }
}
