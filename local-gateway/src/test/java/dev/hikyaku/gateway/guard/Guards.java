package dev.hikyaku.gateway.guard;

import dev.hikyaku.gateway.config.ConfigFile;
import dev.hikyaku.gateway.config.SettingsReader;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Guard settings written as configuration lines, the way a user writes them, and evaluation with them. */
final class Guards {
    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    /** A Wednesday at 10:00 in Tokyo: no time rule of the tests refuses it. */
    static final Instant WEDNESDAY_MORNING = ZonedDateTime.of(2024, 6, 12, 10, 0, 0, 0, TOKYO).toInstant();

    private Guards() {
    }

    /** The settings from {@code lines}, with example.co.jp internal and partner.example.com a partner. */
    static GuardSettings configured(String... lines) {
        List<String> all = Stream.concat(
                Stream.of("domains.internal = example.co.jp", "domains.partner = partner.example.com"),
                Stream.of(lines)).toList();
        return SettingsReader.read(ConfigFile.parse(all, "test.conf"), Map.of(), Path.of("unused"), TOKYO).guard();
    }

    /** The report for {@code mail} at {@code now} under {@code lines}. */
    static GuardReport evaluate(Mail mail, Instant now, String... lines) {
        return GuardEvaluator.evaluate(configured(lines), mail.input(), now);
    }

    /** The report for {@code mail} on a Wednesday morning under {@code lines}. */
    static GuardReport evaluate(Mail mail, String... lines) {
        return evaluate(mail, WEDNESDAY_MORNING, lines);
    }

    /** The ids of the rules that fired. */
    static List<String> fired(GuardReport report) {
        return report.fired().stream().map(firing -> firing.rule().id()).toList();
    }
}
