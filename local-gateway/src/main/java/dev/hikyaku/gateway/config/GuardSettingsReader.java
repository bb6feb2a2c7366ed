package dev.hikyaku.gateway.config;

import dev.hikyaku.gateway.guard.AddressPattern;
import dev.hikyaku.gateway.guard.ConfirmRule;
import dev.hikyaku.gateway.guard.ForceBccRule.BccMode;
import dev.hikyaku.gateway.guard.ForceBccRule;
import dev.hikyaku.gateway.guard.GuardScope;
import dev.hikyaku.gateway.guard.GuardSettings;
import dev.hikyaku.gateway.guard.HoldRule;
import dev.hikyaku.gateway.guard.RecipientDomains;
import dev.hikyaku.gateway.guard.RefusalRules.CountRule;
import dev.hikyaku.gateway.guard.RefusalRules.KeywordRule;
import dev.hikyaku.gateway.guard.RefusalRules.RecipientRule;
import dev.hikyaku.gateway.guard.RefusalRules.SenderMode;
import dev.hikyaku.gateway.guard.RefusalRules.SenderRule;
import dev.hikyaku.gateway.guard.RefusalRules.SizeRule;
import dev.hikyaku.gateway.guard.RefusalRules.TimeRule;
import dev.hikyaku.gateway.guard.RefusalRules;
import dev.hikyaku.gateway.guard.StageRule;
import dev.hikyaku.gateway.guard.TimeWindow;
import dev.hikyaku.gateway.mime.KeywordMatcher;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Reads the mis-send guard keys ({@code guard.*}, {@code domains.*}); every value is checked even when its rule is off. */
final class GuardSettingsReader {
    private static final Duration SHORTEST_DELAY = Duration.ofSeconds(1);
    private static final Duration LONGEST_DELAY = Duration.ofDays(1);
    private static final Map<String, DayOfWeek> DAY_NAMES = dayNames();

    private final SettingsReader reader;
    private final ZoneId systemZone;

    GuardSettingsReader(SettingsReader reader, ZoneId systemZone) {
        this.reader = reader;
        this.systemZone = systemZone;
    }

    /** Adds the guard keys with their defaults; the README's guard table documents each. */
    static void addDefaults(Map<String, String> defaults) {
        defaults.put("domains.internal", "");
        defaults.put("domains.partner", "");
        defaults.put("domains.internal-skips-packaging", "yes");
        defaults.put("guard.time-zone", "");
        defaults.put("guard.refuse.scope", "all");
        defaults.put("guard.refuse.time", "no");
        defaults.put("guard.refuse.time.hours", "22:00-06:00");
        defaults.put("guard.refuse.time.days", "sat, sun");
        defaults.put("guard.refuse.sender", "no");
        defaults.put("guard.refuse.sender.list", "");
        defaults.put("guard.refuse.sender.mode", "listed");
        defaults.put("guard.refuse.recipients", "no");
        defaults.put("guard.refuse.recipients.list", "");
        defaults.put("guard.refuse.size", "no");
        defaults.put("guard.refuse.size.max", "10MiB");
        defaults.put("guard.refuse.attachments", "no");
        defaults.put("guard.refuse.attachments.max", "5");
        defaults.put("guard.refuse.keywords", "no");
        defaults.put("guard.refuse.keywords.list", "");
        defaults.put("guard.refuse.keywords.in", "subject, body, attachment-names");
        defaults.put("guard.refuse.phones", "no");
        defaults.put("guard.refuse.phones.max", "5");
        defaults.put("guard.refuse.postal", "no");
        defaults.put("guard.refuse.postal.max", "3");
        defaults.put("guard.force-bcc", "no");
        defaults.put("guard.force-bcc.threshold", "10");
        defaults.put("guard.force-bcc.mode", "bcc-only");
        defaults.put("guard.confirm", "no");
        defaults.put("guard.confirm.recipients", "yes");
        defaults.put("guard.confirm.attachments", "yes");
        defaults.put("guard.hold", "no");
        defaults.put("guard.hold.delay", "5m");
        defaults.put("guard.hold.scope", "all");
        defaults.put("guard.stage", "no");
        defaults.put("guard.stage.delay", "5m");
    }

    /** The guards as configured. */
    GuardSettings guard() {
        return new GuardSettings(domains(), zone(), refusals(), forceBcc(), confirm(), hold(), stage());
    }

    private RecipientDomains domains() {
        List<AddressPattern> internal = patterns("domains.internal", true);
        List<AddressPattern> partner = patterns("domains.partner", true);
        for (AddressPattern domain : partner) {
            if (internal.contains(domain)) {
                throw new ConfigException("config.guard.domainTwice", "domains.partner", where("domains.partner"),
                        domain.toString(), "domains.internal");
            }
        }
        return new RecipientDomains(internal, partner, reader.yesNo("domains.internal-skips-packaging"));
    }

    private ZoneId zone() {
        String text = reader.text("guard.time-zone");
        if (text.isEmpty()) {
            return systemZone;
        }
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw new ConfigException("config.guard.badZone", "guard.time-zone", where("guard.time-zone"), text);
        }
    }

    private RefusalRules refusals() {
        GuardScope scope = scope("guard.refuse.scope");
        TimeRule time = new TimeRule(reader.yesNo("guard.refuse.time"),
                each("guard.refuse.time.hours", "config.guard.badHours", TimeWindow::parse), days());
        if (time.on() && time.hours().isEmpty() && time.days().isEmpty()) {
            throw nothingToCheck("guard.refuse.time", "guard.refuse.time.hours, guard.refuse.time.days");
        }
        SenderRule sender = new SenderRule(reader.yesNo("guard.refuse.sender"),
                patterns("guard.refuse.sender.list", false),
                choice("guard.refuse.sender.mode", Map.of("listed", SenderMode.LISTED, "unlisted", SenderMode.UNLISTED)));
        requireList(sender.on(), "guard.refuse.sender", sender.list(), "guard.refuse.sender.list");
        RecipientRule recipients = new RecipientRule(reader.yesNo("guard.refuse.recipients"),
                patterns("guard.refuse.recipients.list", false));
        requireList(recipients.on(), "guard.refuse.recipients", recipients.list(), "guard.refuse.recipients.list");
        SizeRule size = new SizeRule(reader.yesNo("guard.refuse.size"), reader.size("guard.refuse.size.max"));
        CountRule attachments = new CountRule(reader.yesNo("guard.refuse.attachments"),
                reader.count("guard.refuse.attachments.max", 0, 1000));
        KeywordRule keywords = new KeywordRule(reader.yesNo("guard.refuse.keywords"),
                reader.list("guard.refuse.keywords.list"), places());
        requireList(keywords.on(), "guard.refuse.keywords", keywords.keywords(), "guard.refuse.keywords.list");
        requireList(keywords.on(), "guard.refuse.keywords", List.copyOf(keywords.places()), "guard.refuse.keywords.in");
        CountRule phones = new CountRule(reader.yesNo("guard.refuse.phones"),
                reader.count("guard.refuse.phones.max", 0, 10_000));
        CountRule postal = new CountRule(reader.yesNo("guard.refuse.postal"),
                reader.count("guard.refuse.postal.max", 0, 10_000));
        return new RefusalRules(scope, time, sender, recipients, size, attachments, keywords, phones, postal);
    }

    private ForceBccRule forceBcc() {
        return new ForceBccRule(reader.yesNo("guard.force-bcc"), reader.count("guard.force-bcc.threshold", 1, 10_000),
                choice("guard.force-bcc.mode", Map.of("per-recipient", BccMode.PER_RECIPIENT, "bcc-only", BccMode.BCC_ONLY)));
    }

    private ConfirmRule confirm() {
        ConfirmRule rule = new ConfirmRule(reader.yesNo("guard.confirm"), reader.yesNo("guard.confirm.recipients"),
                reader.yesNo("guard.confirm.attachments"));
        if (rule.on() && !rule.recipients() && !rule.attachments()) {
            throw new ConfigException("config.guard.confirmNothing", "guard.confirm", where("guard.confirm"),
                    "guard.confirm.recipients", "guard.confirm.attachments");
        }
        return rule;
    }

    /**
     * The hold rule. The older {@code delivery.hold}, when not zero, is this rule for every message with that
     * delay; giving both forms would leave one silently ignored, so that is refused.
     */
    private HoldRule hold() {
        HoldRule rule = new HoldRule(reader.yesNo("guard.hold"), delay("guard.hold.delay"), scope("guard.hold.scope"));
        Duration legacy = reader.duration("delivery.hold");
        if (legacy.isZero()) {
            return rule;
        }
        for (String key : List.of("guard.hold", "guard.hold.delay", "guard.hold.scope")) {
            if (where(key) >= 0) {
                throw new ConfigException("config.guard.holdTwice", "delivery.hold", where("delivery.hold"), key,
                        where(key));
            }
        }
        return new HoldRule(true, legacy, GuardScope.ALL);
    }

    private StageRule stage() {
        return new StageRule(reader.yesNo("guard.stage"), delay("guard.stage.delay"));
    }

    private Set<DayOfWeek> days() {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        days.addAll(each("guard.refuse.time.days", "config.guard.badDays", name -> {
            DayOfWeek day = DAY_NAMES.get(name.toLowerCase(Locale.ROOT));
            if (day == null) {
                throw new IllegalArgumentException("not a weekday: " + name);
            }
            return day;
        }));
        return days;
    }

    private Set<KeywordMatcher.Place> places() {
        Set<KeywordMatcher.Place> places = EnumSet.noneOf(KeywordMatcher.Place.class);
        for (String name : reader.list("guard.refuse.keywords.in")) {
            places.add(KeywordRule.place(name.toLowerCase(Locale.ROOT)).orElseThrow(() -> new ConfigException(
                    "config.badChoice", "guard.refuse.keywords.in", where("guard.refuse.keywords.in"), name,
                    "subject, body, attachment-names")));
        }
        return places;
    }

    /** Addresses and domains; {@code domainsOnly} refuses addresses. */
    private List<AddressPattern> patterns(String key, boolean domainsOnly) {
        String problem = domainsOnly ? "config.guard.badDomain" : "config.guard.badAddress";
        List<AddressPattern> patterns = each(key, problem, text -> {
            AddressPattern pattern = AddressPattern.parse(text);
            if (domainsOnly && !pattern.wholeDomain()) {
                throw new IllegalArgumentException("not a domain: " + text);
            }
            return pattern;
        });
        return patterns.stream().distinct().toList();
    }

    /** Each entry of the list {@code key} parsed; an entry the parser refuses is named with {@code problem}. */
    private <T> List<T> each(String key, String problem, Function<String, T> parser) {
        List<T> values = new ArrayList<>();
        for (String entry : reader.list(key)) {
            try {
                values.add(parser.apply(entry));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(problem, key, where(key), entry);
            }
        }
        return values;
    }

    private Duration delay(String key) {
        Duration delay = reader.duration(key);
        if (delay.compareTo(SHORTEST_DELAY) < 0 || delay.compareTo(LONGEST_DELAY) > 0) {
            throw new ConfigException("config.guard.badDelay", key, where(key), reader.text(key), "1s", "1d");
        }
        return delay;
    }

    private GuardScope scope(String key) {
        return choice(key, Map.of("all", GuardScope.ALL, "external", GuardScope.EXTERNAL));
    }

    private <T> T choice(String key, Map<String, T> choices) {
        T chosen = choices.get(reader.text(key).toLowerCase(Locale.ROOT));
        if (chosen == null) {
            throw new ConfigException("config.badChoice", key, where(key), reader.text(key),
                    String.join(", ", choices.keySet().stream().sorted().toList()));
        }
        return chosen;
    }

    private void requireList(boolean on, String switchKey, List<?> values, String listKey) {
        if (on && values.isEmpty()) {
            throw nothingToCheck(switchKey, listKey);
        }
    }

    private ConfigException nothingToCheck(String switchKey, String listKeys) {
        return new ConfigException("config.guard.nothingToCheck", switchKey, where(switchKey), listKeys);
    }

    private int where(String key) {
        return SettingsReader.where(reader.value(key));
    }

    /** English and Japanese weekday names: {@code sat}, {@code saturday}, {@code 土}, {@code 土曜}, {@code 土曜日}. */
    private static Map<String, DayOfWeek> dayNames() {
        Map<String, DayOfWeek> names = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            String english = day.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT);
            String japanese = day.getDisplayName(TextStyle.SHORT, Locale.JAPANESE);
            names.put(english.substring(0, 3), day);
            names.put(english, day);
            names.put(japanese, day);
            names.put(japanese + "曜", day);
            names.put(japanese + "曜日", day);
        }
        return Map.copyOf(names);
    }
}
