package dev.hikyaku.gateway.guard;

import dev.hikyaku.gateway.guard.ForceBccRule.BccMode;
import dev.hikyaku.gateway.guard.GuardEffect.ForceBcc;
import dev.hikyaku.gateway.mime.MailAddress;
import dev.hikyaku.gateway.mime.MessageSummary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Forced Bcc: more than the threshold of external addresses in To and Cc moves them all to Bcc. */
final class ForcedBccCheck {

    private ForcedBccCheck() {
    }

    /** The firing for {@code summary}'s headers, if the rule is on and the threshold is passed. */
    static Optional<FiredRule> check(ForceBccRule rule, RecipientDomains domains, MessageSummary summary) {
        if (!rule.on()) {
            return Optional.empty();
        }
        // One address written twice (To and Cc) is one person who sees the others.
        Map<String, String> external = new LinkedHashMap<>();
        Stream.concat(summary.to().stream(), summary.cc().stream()).map(MailAddress::address)
                .filter(address -> domains.reach(address).outside())
                .forEach(address -> external.putIfAbsent(address.toLowerCase(Locale.ROOT), address));
        if (external.size() <= rule.threshold()) {
            return Optional.empty();
        }
        String key = rule.mode() == BccMode.PER_RECIPIENT ? "guard.force-bcc.per-recipient" : "guard.force-bcc.bcc-only";
        List<String> moved = new ArrayList<>(external.values());
        return Optional.of(new FiredRule(GuardRule.FORCE_BCC, Reason.of(key, moved.size(), rule.threshold()),
                new ForceBcc(rule.mode(), moved)));
    }
}
