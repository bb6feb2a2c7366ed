package dev.hikyaku.app.review.warnings;

import dev.hikyaku.gateway.archive.Archive;
import dev.hikyaku.gateway.archive.ArchiveEntry;
import dev.hikyaku.gateway.archive.ArchiveQuery;
import dev.hikyaku.gateway.archive.ArchivedMessage;
import dev.hikyaku.gateway.archive.RecipientStatus;
import dev.hikyaku.gateway.mime.MailAddress;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The user's earlier mail as the gateway's archive holds it: only what was actually sent counts as written to. */
public final class ArchiveHistory implements MailHistory {
    private static final String SENT = "sent";
    // How far back frequency is counted, and what counts as frequent.
    private static final int RECENT = ArchiveQuery.MAX_LIMIT;
    private static final int FREQUENT_MINIMUM = 2;
    private static final int FREQUENT_MOST = 50;
    private static final int THREAD_CANDIDATES = 50;
    private static final Pattern REPLY_PREFIX = Pattern.compile(
            "^\\s*(?:(?:re|fw|fwd|aw|sv|vs|antw|wg|tr)(?:\\[\\d+\\])?\\s*[:：]|返信\\s*[:：]|転送\\s*[:：])\\s*",
            Pattern.CASE_INSENSITIVE);

    private final Archive archive;

    /** History from {@code archive}. */
    public ArchiveHistory(Archive archive) {
        this.archive = archive;
    }

    @Override
    public boolean sentTo(String domain, String excludedMessageId) throws IOException {
        String lower = domain.toLowerCase(Locale.ROOT);
        for (ArchiveEntry entry : archive.search(ArchiveQuery.all().toDomain(lower).page(THREAD_CANDIDATES, 0))) {
            if (!entry.id().equals(excludedMessageId) && entry.recipients().stream()
                    .anyMatch(recipient -> SENT.equals(recipient.status()) && within(domainOf(recipient.recipient()), lower))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public List<String> frequentDomains(String excludedMessageId) throws IOException {
        Map<String, Integer> counts = new HashMap<>();
        for (ArchiveEntry entry : archive.search(ArchiveQuery.all().page(RECENT, 0))) {
            if (entry.id().equals(excludedMessageId)) {
                continue;
            }
            Set<String> domains = new HashSet<>();
            for (RecipientStatus recipient : entry.recipients()) {
                if (SENT.equals(recipient.status())) {
                    domains.add(domainOf(recipient.recipient()));
                }
            }
            domains.remove("");
            domains.forEach(domain -> counts.merge(domain, 1, Integer::sum));
        }
        return counts.entrySet().stream().filter(count -> count.getValue() >= FREQUENT_MINIMUM)
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(FREQUENT_MOST).map(Map.Entry::getKey).toList();
    }

    @Override
    public Optional<Set<String>> threadDomains(List<String> references, String subject, String excludedMessageId)
            throws IOException {
        if (references.isEmpty()) {
            return Optional.empty();
        }
        Set<String> wanted = new HashSet<>(references);
        String base = baseSubject(subject);
        List<ArchiveEntry> candidates = new ArrayList<>();
        if (!base.isBlank()) {
            candidates.addAll(archive.search(ArchiveQuery.text(base).page(THREAD_CANDIDATES, 0)));
        }
        // A thread whose subject changed is still found among the latest messages.
        candidates.addAll(archive.search(ArchiveQuery.all().page(THREAD_CANDIDATES, 0)));
        Set<String> seen = new HashSet<>();
        for (ArchiveEntry candidate : candidates) {
            if (candidate.id().equals(excludedMessageId) || !seen.add(candidate.id())) {
                continue;
            }
            Optional<ArchivedMessage> earlier = archive.find(candidate.id());
            if (earlier.isPresent() && earlier.get().summary().messageId()
                    .map(ThreadReferences::bare).filter(wanted::contains).isPresent()) {
                return Optional.of(participants(earlier.get()));
            }
        }
        return Optional.empty();
    }

    /** The subject without reply and forward prefixes ({@code Re: Fwd: 返信: ...}). */
    static String baseSubject(String subject) {
        String base = subject;
        String shorter = REPLY_PREFIX.matcher(base).replaceFirst("");
        while (!shorter.equals(base)) {
            base = shorter;
            shorter = REPLY_PREFIX.matcher(base).replaceFirst("");
        }
        return base.strip();
    }

    private static Set<String> participants(ArchivedMessage message) {
        Set<String> domains = new LinkedHashSet<>();
        domains.add(domainOf(message.envelopeSender()));
        message.envelopeRecipients().forEach(recipient -> domains.add(domainOf(recipient)));
        message.summary().allAddresses().stream().map(MailAddress::domain).forEach(domains::add);
        domains.remove("");
        return domains;
    }

    private static boolean within(String domain, String parent) {
        return domain.equals(parent) || domain.endsWith("." + parent);
    }

    static String domainOf(String address) {
        int at = address.lastIndexOf('@');
        return at < 0 ? "" : address.substring(at + 1).strip().toLowerCase(Locale.ROOT);
    }
}
