package dev.hikyaku.gateway.archive;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A search of the archive; every given criterion must hold. Build from {@link #all()} or {@link #text(String)}.
 *
 * @param text            words typed by the user, each found anywhere (also inside a word, so a Japanese word
 *                        inside a sentence and the start of a word being typed are found) in the subject,
 *                        addresses, body text or attachment names; case and full-/half-width are ignored;
 *                        blank for no text criterion. Never interpreted as query syntax.
 * @param receivedFrom    received at or after this instant
 * @param receivedBefore  received before this instant
 * @param recipientDomain a recipient (envelope, header or variant) at this domain or one of its subdomains
 * @param verdictLevel    a TLS verdict of this level (ignoring case) recorded for one of its domains
 * @param limit           at most this many results, 1 to {@link #MAX_LIMIT}
 * @param offset          skip this many results first (for paging)
 */
public record ArchiveQuery(String text, Optional<Instant> receivedFrom, Optional<Instant> receivedBefore,
                           Optional<String> recipientDomain, Optional<String> verdictLevel, int limit, int offset) {
    /** The largest page. */
    public static final int MAX_LIMIT = 500;
    private static final int DEFAULT_LIMIT = 100;

    /** Validated query. */
    public ArchiveQuery {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(receivedFrom, "receivedFrom");
        Objects.requireNonNull(receivedBefore, "receivedBefore");
        Objects.requireNonNull(recipientDomain, "recipientDomain");
        Objects.requireNonNull(verdictLevel, "verdictLevel");
        if (limit < 1 || limit > MAX_LIMIT || offset < 0) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + " and offset not negative");
        }
    }

    /** Every message, newest first, the first page. */
    public static ArchiveQuery all() {
        return new ArchiveQuery("", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                DEFAULT_LIMIT, 0);
    }

    /** Messages containing the typed words. */
    public static ArchiveQuery text(String text) {
        return all().withText(text);
    }

    /** This query with other words. */
    public ArchiveQuery withText(String newText) {
        return new ArchiveQuery(newText, receivedFrom, receivedBefore, recipientDomain, verdictLevel, limit, offset);
    }

    /** This query restricted to messages received in {@code [from, before)}. */
    public ArchiveQuery receivedBetween(Instant from, Instant before) {
        return new ArchiveQuery(text, Optional.of(from), Optional.of(before), recipientDomain, verdictLevel, limit,
                offset);
    }

    /** This query restricted to messages with a recipient at {@code domain} (or a subdomain of it). */
    public ArchiveQuery toDomain(String domain) {
        return new ArchiveQuery(text, receivedFrom, receivedBefore, Optional.of(domain), verdictLevel, limit,
                offset);
    }

    /** This query restricted to messages with a verdict of {@code level} for one of their domains. */
    public ArchiveQuery withVerdictLevel(String level) {
        return new ArchiveQuery(text, receivedFrom, receivedBefore, recipientDomain, Optional.of(level), limit,
                offset);
    }

    /** This query's page {@code [offset, offset + limit)}. */
    public ArchiveQuery page(int newLimit, int newOffset) {
        return new ArchiveQuery(text, receivedFrom, receivedBefore, recipientDomain, verdictLevel, newLimit,
                newOffset);
    }
}
