package dev.hikyaku.gateway.config;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.gateway.guard.AddressPattern;
import dev.hikyaku.gateway.guard.ForceBccRule;
import dev.hikyaku.gateway.guard.GuardScope;
import dev.hikyaku.gateway.guard.GuardSettings;
import dev.hikyaku.gateway.guard.HoldRule;
import dev.hikyaku.gateway.guard.RefusalRules;
import dev.hikyaku.gateway.guard.TimeWindow;
import dev.hikyaku.gateway.mime.KeywordMatcher.Place;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GuardSettingsReaderTest {
    private static final ZoneId SYSTEM = ZoneId.of("Asia/Tokyo");

    private static GatewaySettings read(String... lines) {
        return SettingsReader.read(ConfigFile.parse(List.of(lines), "test.conf"), Map.of(), Path.of("unused"), SYSTEM);
    }

    private static GuardSettings guard(String... lines) {
        return read(lines).guard();
    }

    /** The refusal in both languages, each checked to name {@code key} and say {@code english} / {@code japanese}. */
    private static void refused(String key, String english, String japanese, String... lines) {
        ConfigException e = assertThrows(ConfigException.class, () -> read(lines));
        String en = e.message(Locale.ENGLISH);
        String ja = e.message(Locale.JAPANESE);
        assertAll(
                () -> assertTrue(en.contains(key) && ja.contains(key), en + " / " + ja),
                () -> assertTrue(en.contains(english), en),
                () -> assertTrue(ja.contains(japanese), ja),
                () -> assertFalse(en.contains("{") || ja.contains("{"), en + " / " + ja));
    }

    @Test
    void anEmptyFileHasEveryRuleOffWithTheDocumentedDefaults() {
        assertEquals(GuardSettings.defaults(SYSTEM), guard());
        GuardSettings defaults = guard();
        assertEquals(Duration.ofMinutes(5), defaults.hold().delay());
        assertEquals(10, defaults.forceBcc().threshold());
        assertEquals(List.of(TimeWindow.parse("22:00-06:00")), defaults.refusals().time().hours());
        assertTrue(defaults.domains().internalSkipsPackaging());
        for (String key : SettingsReader.DEFAULTS.keySet()) {
            if (key.startsWith("guard.") && !key.substring("guard.".length()).contains(".")) {
                assertTrue(Set.of("no", "").contains(SettingsReader.DEFAULTS.get(key)), key);
            }
        }
    }

    @Test
    void everyGuardKeyIsRead() {
        GuardSettings settings = guard(
                "domains.internal = example.co.jp, 例え.jp",
                "domains.partner = partner.example.com",
                "domains.internal-skips-packaging = no",
                "guard.time-zone = UTC",
                "guard.refuse.scope = external",
                "guard.refuse.time = yes",
                "guard.refuse.time.hours = 22:00-06:00, 12:00-13:00",
                "guard.refuse.time.days = sat, 日曜日",
                "guard.refuse.sender = yes",
                "guard.refuse.sender.list = taro@example.co.jp",
                "guard.refuse.sender.mode = unlisted",
                "guard.refuse.recipients = yes",
                "guard.refuse.recipients.list = rival.example, @old.example",
                "guard.refuse.size = yes",
                "guard.refuse.size.max = 20MB",
                "guard.refuse.attachments = yes",
                "guard.refuse.attachments.max = 0",
                "guard.refuse.keywords = yes",
                "guard.refuse.keywords.list = 社外秘, 極秘",
                "guard.refuse.keywords.in = Subject, attachment-names",
                "guard.refuse.phones = yes",
                "guard.refuse.phones.max = 10",
                "guard.refuse.postal = yes",
                "guard.refuse.postal.max = 1",
                "guard.force-bcc = yes",
                "guard.force-bcc.threshold = 20",
                "guard.force-bcc.mode = per-recipient",
                "guard.confirm = yes",
                "guard.confirm.recipients = yes",
                "guard.confirm.attachments = no",
                "guard.hold = yes",
                "guard.hold.delay = 90s",
                "guard.hold.scope = external",
                "guard.stage = yes",
                "guard.stage.delay = 1h");
        assertEquals(List.of(AddressPattern.parse("example.co.jp"), AddressPattern.parse("xn--r8jz45g.jp")),
                settings.domains().internal());
        assertEquals(List.of(AddressPattern.parse("partner.example.com")), settings.domains().partner());
        assertFalse(settings.domains().internalSkipsPackaging());
        assertEquals(ZoneId.of("UTC"), settings.zone());
        RefusalRules refusals = settings.refusals();
        assertEquals(GuardScope.EXTERNAL, refusals.scope());
        assertEquals(new RefusalRules.TimeRule(true, List.of(TimeWindow.parse("22:00-06:00"), TimeWindow.parse("12:00-13:00")),
                EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY)), refusals.time());
        assertEquals(new RefusalRules.SenderRule(true, List.of(AddressPattern.parse("taro@example.co.jp")),
                RefusalRules.SenderMode.UNLISTED), refusals.sender());
        assertEquals(List.of(AddressPattern.parse("rival.example"), AddressPattern.parse("old.example")),
                refusals.recipients().list());
        assertEquals(new RefusalRules.SizeRule(true, 20_000_000), refusals.size());
        assertEquals(new RefusalRules.CountRule(true, 0), refusals.attachments());
        assertEquals(new RefusalRules.KeywordRule(true, List.of("社外秘", "極秘"), EnumSet.of(Place.SUBJECT,
                Place.ATTACHMENT_NAME)), refusals.keywords());
        assertEquals(new RefusalRules.CountRule(true, 10), refusals.phones());
        assertEquals(new RefusalRules.CountRule(true, 1), refusals.postal());
        assertEquals(new ForceBccRule(true, 20, ForceBccRule.BccMode.PER_RECIPIENT), settings.forceBcc());
        assertTrue(settings.confirm().on() && settings.confirm().recipients() && !settings.confirm().attachments());
        assertEquals(new HoldRule(true, Duration.ofSeconds(90), GuardScope.EXTERNAL), settings.hold());
        assertTrue(settings.stage().on());
        assertEquals(Duration.ofHours(1), settings.stage().delay());
    }

    @Test
    void theReadmeDocumentsEveryGuardKeyWithItsDefault() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        for (Map.Entry<String, String> key : SettingsReader.DEFAULTS.entrySet()) {
            if (key.getKey().startsWith("guard.") || key.getKey().startsWith("domains.")) {
                String row = "| `" + key.getKey() + "` | " + (key.getValue().isEmpty() ? "(" : "`" + key.getValue() + "`");
                assertTrue(readme.contains(row), row);
            }
        }
    }

    @Test
    void theSystemZoneIsInjected() {
        assertEquals(ZoneId.of("Europe/London"), SettingsReader.read(Map.of(), Map.of(), Path.of("unused"),
                ZoneId.of("Europe/London")).guard().zone());
    }

    @Test
    void deliveryHoldIsTheHoldRuleForEveryMessage() {
        GatewaySettings settings = read("delivery.hold = 10m");
        assertEquals(new HoldRule(true, Duration.ofMinutes(10), GuardScope.ALL), settings.guard().hold());
        GatewaySettings fromCommandLine = SettingsReader.read(Map.of(), Map.of("delivery.hold", "2m"), Path.of("unused"),
                SYSTEM);
        assertEquals(Duration.ofMinutes(2), fromCommandLine.guard().hold().delay());
        assertEquals(new HoldRule(false, Duration.ofMinutes(5), GuardScope.ALL), guard("delivery.hold = 0m").hold());
    }

    @Test
    void bothFormsOfHoldAreRefused() {
        refused("delivery.hold", "both set the hold", "両方で保留を設定", "delivery.hold = 5m", "guard.hold = yes");
        refused("guard.hold.scope", "line 2", "2 行目", "delivery.hold = 5m", "guard.hold.scope = external");
        ConfigException e = assertThrows(ConfigException.class, () -> SettingsReader.read(
                ConfigFile.parse(List.of("guard.hold.delay = 1m"), "f"), Map.of("delivery.hold", "3m"), Path.of("u"), SYSTEM));
        assertTrue(e.message(Locale.ENGLISH).contains("the command line"), e.message(Locale.ENGLISH));
    }

    @Test
    void eachBadValueIsRefusedByNameInBothLanguages() {
        refused("guard.time-zone", "Asia/Tokyo or UTC", "タイムゾーンではありません", "guard.time-zone = Tokyo/Mars");
        refused("guard.refuse.time.hours", "\"22-06\" is not a time window", "「22-06」は時間帯ではありません",
                "guard.refuse.time.hours = 22-06");
        refused("guard.refuse.time.hours", "start and end must differ", "開始と終了は別の時刻",
                "guard.refuse.time.hours = 09:00-09:00");
        refused("guard.refuse.time.days", "\"someday\" is not a weekday", "「someday」は曜日ではありません",
                "guard.refuse.time.days = sat, someday");
        refused("domains.internal", "\"taro@example.co.jp\" is not a domain name", "ドメイン名ではありません",
                "domains.internal = taro@example.co.jp");
        refused("domains.partner", "also listed in domains.internal", "domains.internal にも書かれています",
                "domains.internal = example.co.jp", "domains.partner = EXAMPLE.co.jp");
        refused("guard.refuse.recipients.list", "neither a mail address nor a domain", "メールアドレスでもドメインでもありません",
                "guard.refuse.recipients.list = rival example");
        refused("guard.refuse.sender.mode", "is not one of listed, unlisted", "listed, unlisted のどれでもありません",
                "guard.refuse.sender.mode = allow");
        refused("guard.refuse.keywords.in", "subject, body, attachment-names", "のどれでもありません",
                "guard.refuse.keywords.in = subject, header");
        refused("guard.force-bcc.mode", "bcc-only, per-recipient", "のどれでもありません", "guard.force-bcc.mode = cc");
        refused("guard.hold.scope", "all, external", "のどれでもありません", "guard.hold.scope = internal");
        refused("guard.refuse.scope", "all, external", "のどれでもありません", "guard.refuse.scope = some");
        refused("guard.hold.delay", "not a delay from 1s to 1d", "1s から 1d までの時間ではありません", "guard.hold.delay = 2d");
        refused("guard.stage.delay", "not a delay from 1s to 1d", "1s から 1d まで", "guard.stage.delay = 0s");
        refused("guard.hold.delay", "not a duration", "時間の指定ではありません", "guard.hold.delay = five minutes");
        refused("guard.force-bcc.threshold", "from 1 to 10000", "1 から 10000", "guard.force-bcc.threshold = 0");
        refused("guard.refuse.attachments.max", "from 0 to 1000", "0 から 1000", "guard.refuse.attachments.max = -1");
        refused("guard.refuse.phones.max", "from 0 to 10000", "0 から 10000", "guard.refuse.phones.max = many");
        refused("guard.refuse.postal.max", "from 0 to 10000", "0 から 10000", "guard.refuse.postal.max = 10001");
        refused("guard.refuse.size.max", "64MiB", "64MiB", "guard.refuse.size.max = big");
        refused("guard.confirm.attachments", "neither yes nor no", "yes でも no でも", "guard.confirm.attachments = maybe");
        refused("domains.internal-skips-packaging", "neither yes nor no", "yes でも no でも",
                "domains.internal-skips-packaging = sometimes");
    }

    @Test
    void aRuleTurnedOnWithNothingToCheckIsRefused() {
        refused("guard.refuse.keywords.list", "nothing in guard.refuse.keywords.list", "何も指定されていない",
                "guard.refuse.keywords = yes");
        refused("guard.refuse.keywords.in", "nothing in guard.refuse.keywords.in", "何も指定されていない",
                "guard.refuse.keywords = yes", "guard.refuse.keywords.list = 極秘", "guard.refuse.keywords.in =");
        refused("guard.refuse.sender.list", "Fill in guard.refuse.sender.list, or turn guard.refuse.sender off",
                "guard.refuse.sender をオフに", "guard.refuse.sender = yes");
        refused("guard.refuse.recipients.list", "line 1", "1 行目", "guard.refuse.recipients = yes");
        refused("guard.refuse.time.days", "guard.refuse.time.hours, guard.refuse.time.days", "確認するもの",
                "guard.refuse.time = yes", "guard.refuse.time.hours =", "guard.refuse.time.days =");
        refused("guard.confirm.recipients", "nothing to confirm", "確認するものがありません", "guard.confirm = yes",
                "guard.confirm.recipients = no", "guard.confirm.attachments = no");
        assertFalse(guard("guard.refuse.time.hours =", "guard.refuse.time.days =").refusals().time().on());
    }
}
