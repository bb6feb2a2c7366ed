package dev.hikyaku.gateway.guard;

import dev.hikyaku.gateway.guard.GuardEffect.Refuse;
import dev.hikyaku.gateway.guard.RefusalRules.CountRule;
import dev.hikyaku.gateway.guard.RefusalRules.KeywordRule;
import dev.hikyaku.gateway.guard.RefusalRules.SenderMode;
import dev.hikyaku.gateway.guard.RefusalRules.SenderRule;
import dev.hikyaku.gateway.guard.RefusalRules.TimeRule;
import dev.hikyaku.gateway.guard.contact.PhoneNumbers;
import dev.hikyaku.gateway.guard.contact.PostalAddresses;
import dev.hikyaku.gateway.mime.KeywordMatcher;
import dev.hikyaku.gateway.mime.MailAddress;
import dev.hikyaku.gateway.mime.MessageSummary;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The refusal rules, each checked in {@link GuardRule} order; every one that hits is reported. */
final class RefusalCheck {
    private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final RefusalRules rules;
    private final GuardInput input;
    private final List<FiredRule> fired = new ArrayList<>();

    private RefusalCheck(RefusalRules rules, GuardInput input) {
        this.rules = rules;
        this.input = input;
    }

    /** The refusals for {@code input} sent at local time {@code local}; {@code reach} tells external recipients. */
    static List<FiredRule> check(RefusalRules rules, GuardInput input, Map<String, Reach> reach, LocalDateTime local) {
        if (rules.scope() == GuardScope.EXTERNAL && reach.values().stream().noneMatch(Reach::outside)) {
            return List.of();
        }
        RefusalCheck check = new RefusalCheck(rules, input);
        check.time(rules.time(), local);
        check.sender(rules.sender());
        check.recipients();
        check.size();
        check.count(GuardRule.REFUSE_ATTACHMENTS, rules.attachments(),
                summary -> (int) Math.min(Integer.MAX_VALUE, summary.attachedFileCount()));
        check.keywords(rules.keywords());
        check.count(GuardRule.REFUSE_PHONES, rules.phones(), summary -> PhoneNumbers.count(summary.bodyText()));
        check.count(GuardRule.REFUSE_POSTAL, rules.postal(), summary -> PostalAddresses.count(summary.bodyText()));
        return List.copyOf(check.fired);
    }

    private void time(TimeRule rule, LocalDateTime local) {
        if (rule.on() && rule.refuses(local)) {
            String blocked = Stream.concat(rule.hours().stream().map(TimeWindow::toString),
                    rule.days().stream().sorted().map(RefusalCheck::dayName)).collect(Collectors.joining(", "));
            fire(GuardRule.REFUSE_TIME, Reason.of("guard.refuse.time", local.getDayOfWeek().getValue(),
                    local.format(CLOCK_TIME), blocked));
        }
    }

    private void sender(SenderRule rule) {
        if (!rule.on()) {
            return;
        }
        Map<String, String> senders = new LinkedHashMap<>();
        Stream.concat(Stream.of(input.envelopeSender()), input.summary().from().stream().map(MailAddress::address))
                .filter(address -> !address.isBlank())
                .forEach(address -> senders.putIfAbsent(address.toLowerCase(Locale.ROOT), address));
        boolean listedRefused = rule.mode() == SenderMode.LISTED;
        List<String> hits = senders.values().stream()
                .filter(address -> rule.list().stream().anyMatch(pattern -> pattern.matches(address)) == listedRefused)
                .toList();
        if (!hits.isEmpty()) {
            String list = rule.list().stream().map(AddressPattern::toString).collect(Collectors.joining(", "));
            fire(GuardRule.REFUSE_SENDER, listedRefused ? Reason.of("guard.refuse.sender.listed", String.join(", ", hits))
                    : Reason.of("guard.refuse.sender.unlisted", String.join(", ", hits), list));
        }
    }

    private void recipients() {
        if (!rules.recipients().on()) {
            return;
        }
        List<String> hits = input.envelopeRecipients().stream()
                .filter(address -> rules.recipients().list().stream().anyMatch(pattern -> pattern.matches(address)))
                .toList();
        if (!hits.isEmpty()) {
            fire(GuardRule.REFUSE_RECIPIENTS, Reason.of("guard.refuse.recipients", String.join(", ", hits)));
        }
    }

    private void size() {
        long size = input.summary().totalSize();
        if (rules.size().on() && size > rules.size().maxBytes()) {
            fire(GuardRule.REFUSE_SIZE, Reason.of("guard.refuse.size", size, rules.size().maxBytes()));
        }
    }

    private void count(GuardRule rule, CountRule limit, ToIntFunction<MessageSummary> counter) {
        if (!limit.on()) {
            return;
        }
        int found = counter.applyAsInt(input.summary());
        if (found > limit.max()) {
            fire(rule, Reason.of("guard." + rule.id(), found, limit.max()));
        }
    }

    private void keywords(KeywordRule rule) {
        if (!rule.on()) {
            return;
        }
        KeywordMatcher matcher = KeywordMatcher.of(input.summary());
        for (String keyword : rule.keywords()) {
            Set<KeywordMatcher.Place> places = matcher.find(keyword);
            for (KeywordMatcher.Place place : KeywordMatcher.Place.values()) {
                if (places.contains(place) && rule.places().contains(place)) {
                    fire(GuardRule.REFUSE_KEYWORDS, Reason.of("guard.refuse.keywords." + KeywordRule.placeName(place), keyword));
                }
            }
        }
    }

    private void fire(GuardRule rule, Reason reason) {
        fired.add(new FiredRule(rule, reason, new Refuse(rule)));
    }

    /** The weekday as written in {@code guard.refuse.time.days}. */
    private static String dayName(DayOfWeek day) {
        return day.name().substring(0, 3).toLowerCase(Locale.ROOT);
    }
}
