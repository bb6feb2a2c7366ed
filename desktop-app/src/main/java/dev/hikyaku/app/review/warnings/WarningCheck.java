package dev.hikyaku.app.review.warnings;

import dev.hikyaku.advisor.verdict.Level;
import dev.hikyaku.gateway.mime.MailAddress;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Looks for the signs of a mis-send in one message: a domain that takes no mail, a domain never written to, a
 * look-alike of a domain often written to, a display name that does not fit its address, and a domain new to a
 * reply thread. Internal domains are only checked for taking no mail.
 */
public final class WarningCheck {
    private final MailHistory history;

    /** Checks against the user's earlier mail in {@code history}. */
    public WarningCheck(MailHistory history) {
        this.history = history;
    }

    /** The warnings for {@code message}, domain by domain, then display names, then the thread. */
    public List<Warning> check(MessageFacts message) throws IOException {
        List<Warning> warnings = new ArrayList<>();
        Map<String, MessageFacts.Domain> domains = new LinkedHashMap<>();
        message.domains().forEach(domain -> domains.putIfAbsent(domain.domain(), domain));
        List<String> frequent = null;
        for (MessageFacts.Domain domain : domains.values()) {
            if (domain.level() == Level.NO_MAIL) {
                warnings.add(new Warning.NoMail(domain.domain()));
                continue;
            }
            if (domain.internal() || history.sentTo(domain.domain(), message.messageId())) {
                continue;
            }
            if (frequent == null) {
                frequent = history.frequentDomains(message.messageId());
            }
            Optional<String> resembled = Lookalikes.resembled(domain.domain(), frequent);
            warnings.add(resembled.<Warning>map(original -> new Warning.Lookalike(domain.domain(), original))
                    .orElseGet(() -> new Warning.NewDomain(domain.domain())));
        }
        for (MailAddress mailbox : message.headerRecipients()) {
            DisplayNames.misfit(mailbox).ifPresent(named ->
                    warnings.add(new Warning.DisplayNameMisfit(mailbox.address(), mailbox.displayName(), named)));
        }
        Optional<Set<String>> thread = history.threadDomains(message.references(), message.subject(),
                message.messageId());
        if (thread.isPresent()) {
            for (MessageFacts.Domain domain : domains.values()) {
                if (!domain.internal() && domain.level() != Level.NO_MAIL && !among(domain.domain(), thread.get())) {
                    warnings.add(new Warning.NewDomainInThread(domain.domain()));
                }
            }
        }
        return List.copyOf(warnings);
    }

    /** Whether {@code domain} is one of {@code participants}, or a subdomain or parent of one. */
    private static boolean among(String domain, Set<String> participants) {
        return participants.stream().anyMatch(participant -> participant.equals(domain)
                || domain.endsWith("." + participant) || participant.endsWith("." + domain));
    }
}
