package dev.hikyaku.gateway.mime;

import java.text.Normalizer;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Finds refusal-rule keywords in one message's subject, body text and attachment names, ignoring case and
 * full-/half-width (NFKC), so "ＣＯＮＦＩＤＥＮＴＩＡＬ" matches "confidential" and "ﾏﾙﾋ" matches "マルヒ".
 * The message text is normalised once; each keyword costs one substring search per place.
 */
public final class KeywordMatcher {

    /** Where in the message a keyword was found. */
    public enum Place {
        /** The decoded subject. */
        SUBJECT,
        /** The extracted body text. */
        BODY,
        /** An attachment's file name. */
        ATTACHMENT_NAME
    }

    private final String subject;
    private final String body;
    private final List<String> attachmentNames;

    private KeywordMatcher(MessageSummary summary) {
        this.subject = normalise(summary.subject());
        this.body = normalise(summary.bodyText());
        this.attachmentNames = summary.attachmentNames().stream().map(KeywordMatcher::normalise).toList();
    }

    /** A matcher over one message. */
    public static KeywordMatcher of(MessageSummary summary) {
        return new KeywordMatcher(Objects.requireNonNull(summary, "summary"));
    }

    /** Every place the keyword occurs in; empty when it does not occur or is blank. */
    public Set<Place> find(String keyword) {
        String needle = normalise(keyword).strip();
        Set<Place> places = EnumSet.noneOf(Place.class);
        if (needle.isEmpty()) {
            return places;
        }
        if (subject.contains(needle)) {
            places.add(Place.SUBJECT);
        }
        if (body.contains(needle)) {
            places.add(Place.BODY);
        }
        if (attachmentNames.stream().anyMatch(name -> name.contains(needle))) {
            places.add(Place.ATTACHMENT_NAME);
        }
        return places;
    }

    private static String normalise(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }
}
