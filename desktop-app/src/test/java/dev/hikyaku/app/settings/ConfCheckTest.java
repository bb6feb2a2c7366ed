package dev.hikyaku.app.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.gateway.config.ConfigException;
import dev.hikyaku.gateway.config.SettingsReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfCheckTest {
    @TempDir
    Path data;

    private CheckedConf check(String... lines) {
        return new ConfCheck(data.resolve("gateway.conf"), data).check(List.of(lines));
    }

    private static ConfigException refused(String key, String value) {
        try {
            SettingsReader.read(Map.of(), Map.of(key, value), Path.of("data"));
        } catch (ConfigException e) {
            return e;
        }
        throw new AssertionError(key + " = " + value + " was accepted");
    }

    @Test
    void aBadPortBelongsToItsFieldWithTheGatewaysMessageAndLine() {
        CheckedConf.Invalid invalid = assertInstanceOf(CheckedConf.Invalid.class,
                check("# mine", "listen.port = eleven"));
        assertEquals(Optional.of(SettingField.LISTEN_PORT), invalid.field());
        String english = invalid.problem().in(Locale.ENGLISH);
        assertTrue(english.startsWith("Setting listen.port (line 2): \"eleven\" is not a port"), english);
        assertTrue(invalid.problem().in(Locale.JAPANESE).contains("listen.port"));
    }

    @Test
    void theLongestKeyWinsWhereOneKeyStartsAnother() {
        assertEquals(Optional.of("guard.refuse.time.hours"), ProblemField.of(
                refused("guard.refuse.time.hours", "late"),
                List.of("guard.refuse.time", "guard.refuse.time.hours", "guard.refuse.time.days")));
        assertEquals(Optional.of("domains.partner"), ProblemField.of(
                refused("domains.partner", "not a domain!"), List.of("domains.internal", "domains.partner")));
    }

    @Test
    void aProblemNamingNoEditedKeyBelongsToNoField() {
        CheckedConf.Invalid unknown = assertInstanceOf(CheckedConf.Invalid.class, check("colour = blue"));
        assertEquals(Optional.empty(), unknown.field());
        CheckedConf.Invalid broken = assertInstanceOf(CheckedConf.Invalid.class, check("no equals sign here"));
        assertEquals(Optional.empty(), broken.field());
        CheckedConf.Invalid dns = assertInstanceOf(CheckedConf.Invalid.class, check("dns.server = nowhere"));
        assertEquals(Optional.empty(), dns.field());
        assertTrue(dns.problem().in(Locale.ENGLISH).contains("dns.server"));
    }

    @Test
    void noEncryptionTowardsAnotherComputerIsRefusedAsTheGatewayWouldAtStart() {
        CheckedConf.Invalid invalid = assertInstanceOf(CheckedConf.Invalid.class,
                check("upstream.host = smtp.example.jp", "upstream.security = none"));
        assertEquals(Optional.of(SettingField.UPSTREAM_SECURITY), invalid.field());
        assertTrue(invalid.problem().in(Locale.ENGLISH).contains("smtp.example.jp"));
        assertInstanceOf(CheckedConf.Valid.class, check("upstream.host = 127.0.0.1", "upstream.security = none"));
    }

    @Test
    void aHostThatIsNoHostNameBelongsToTheHostField() {
        CheckedConf.Invalid invalid = assertInstanceOf(CheckedConf.Invalid.class,
                check("upstream.host = smtp example jp"));
        assertEquals(Optional.of(SettingField.UPSTREAM_HOST), invalid.field());
        assertTrue(invalid.problem().in(Locale.JAPANESE).contains("smtp example jp"));
    }

    @Test
    void theSandboxDefaultsPass() {
        CheckedConf.Valid valid = assertInstanceOf(CheckedConf.Valid.class, check("# nothing yet"));
        assertTrue(valid.settings().sandbox());
    }
}
