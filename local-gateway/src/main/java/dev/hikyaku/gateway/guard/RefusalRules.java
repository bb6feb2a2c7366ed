package dev.hikyaku.gateway.guard;

import dev.hikyaku.gateway.mime.KeywordMatcher;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The rules that send a message back to its sender instead of delivering it. Each has its own switch.
 *
 * @param scope       {@link GuardScope#EXTERNAL} looks only at messages with a recipient outside the company
 * @param time        refuse at certain hours or on certain weekdays
 * @param sender      refuse listed senders, or every sender but the listed ones
 * @param recipients  refuse mail to listed domains or addresses
 * @param size        refuse messages larger than a size
 * @param attachments refuse messages with more attached files than a count
 * @param keywords    refuse messages with a keyword in the subject, body or an attachment's name
 * @param phones      refuse bodies with more telephone numbers than a count
 * @param postal      refuse bodies with more postal addresses than a count
 */
public record RefusalRules(GuardScope scope, TimeRule time, SenderRule sender, RecipientRule recipients,
                           SizeRule size, CountRule attachments, KeywordRule keywords, CountRule phones,
                           CountRule postal) {

    /** Every rule present. */
    public RefusalRules {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(recipients, "recipients");
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(attachments, "attachments");
        Objects.requireNonNull(keywords, "keywords");
        Objects.requireNonNull(phones, "phones");
        Objects.requireNonNull(postal, "postal");
    }

    /**
     * Refuse during any of the {@code hours}, or on any of the {@code days}, in the guard's time zone.
     *
     * @param on    the switch
     * @param hours daily windows
     * @param days  whole weekdays
     */
    public record TimeRule(boolean on, List<TimeWindow> hours, Set<DayOfWeek> days) {
        /** Unmodifiable values. */
        public TimeRule {
            hours = List.copyOf(hours);
            days = days.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(days));
        }

        /** Whether {@code local} falls in a refused time. */
        public boolean refuses(LocalDateTime local) {
            return days.contains(local.getDayOfWeek())
                    || hours.stream().anyMatch(window -> window.contains(local.toLocalTime()));
        }
    }

    /** Which senders the sender rule refuses. */
    public enum SenderMode {
        /** The listed senders. */
        LISTED,
        /** Every sender that is not listed. */
        UNLISTED
    }

    /**
     * Refuse by sender: the envelope sender and the From addresses.
     *
     * @param on   the switch
     * @param list addresses and domains
     * @param mode whether the list names the refused senders or the only allowed ones
     */
    public record SenderRule(boolean on, List<AddressPattern> list, SenderMode mode) {
        /** Unmodifiable list. */
        public SenderRule {
            list = List.copyOf(list);
            Objects.requireNonNull(mode, "mode");
        }
    }

    /**
     * Refuse mail to listed domains or addresses (any envelope recipient).
     *
     * @param on   the switch
     * @param list addresses and domains
     */
    public record RecipientRule(boolean on, List<AddressPattern> list) {
        /** Unmodifiable list. */
        public RecipientRule {
            list = List.copyOf(list);
        }
    }

    /**
     * Refuse messages larger than {@code maxBytes} as submitted.
     *
     * @param on       the switch
     * @param maxBytes the largest size allowed
     */
    public record SizeRule(boolean on, long maxBytes) {
        /** Validated. */
        public SizeRule {
            if (maxBytes < 0) {
                throw new IllegalArgumentException("negative size");
            }
        }
    }

    /**
     * Refuse when something is found more than {@code max} times.
     *
     * @param on  the switch
     * @param max the most allowed
     */
    public record CountRule(boolean on, int max) {
        /** Validated. */
        public CountRule {
            if (max < 0) {
                throw new IllegalArgumentException("negative count");
            }
        }
    }

    /**
     * Refuse messages with a keyword, compared without case or full-/half-width differences.
     *
     * @param on       the switch
     * @param keywords the words
     * @param places   where to look
     */
    public record KeywordRule(boolean on, List<String> keywords, Set<KeywordMatcher.Place> places) {
        /** Unmodifiable values. */
        public KeywordRule {
            keywords = List.copyOf(keywords);
            places = places.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(places));
        }

        /** The place as written in the configuration: {@code subject}, {@code body} or {@code attachment-names}. */
        public static String placeName(KeywordMatcher.Place place) {
            return switch (place) {
                case SUBJECT -> "subject";
                case BODY -> "body";
                case ATTACHMENT_NAME -> "attachment-names";
            };
        }

        /** The place written as {@code name} in the configuration, if it is one. */
        public static Optional<KeywordMatcher.Place> place(String name) {
            return Arrays.stream(KeywordMatcher.Place.values()).filter(place -> placeName(place).equals(name)).findFirst();
        }
    }
}
