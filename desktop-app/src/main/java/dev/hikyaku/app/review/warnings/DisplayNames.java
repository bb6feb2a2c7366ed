package dev.hikyaku.app.review.warnings;

import dev.hikyaku.gateway.mime.MailAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells a display name that does not fit its address: one that shows another address ({@code "boss@acme.jp"
 * <x@evil.test>}), another domain, or an organisation the address's domain does not carry
 * ({@code "Yamada (Acme Corp)" <x@gmail.com>}). Names in Japanese script are not judged: nothing in an ASCII
 * domain can be compared with them.
 */
public final class DisplayNames {
    // Display names come from hostile mail: bound what is scanned.
    private static final int MAX_NAME = 500;
    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>\"'()\\[\\],;:@]+@([A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+)");
    private static final Pattern DOMAIN = Pattern.compile("(?<![A-Za-z0-9@.-])([A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,})(?![A-Za-z0-9.-])");
    private static final Pattern ORGANISATION = Pattern.compile("[(（\\[【]([^)）\\]】]*)[)）\\]】]|[/|｜]([^/|｜]*)");
    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9]{3,}");
    // Words that say what kind of organisation it is, not which one.
    private static final Set<String> GENERIC = Set.of("inc", "corp", "corporation", "company", "ltd", "llc", "limited",
            "group", "holdings", "japan", "the", "and", "dept", "department", "sales", "plc", "gmbh", "team", "office",
            "div", "division", "branch", "global", "international", "mobile", "home", "private", "personal", "work");

    private DisplayNames() {
    }

    /** What the display name of {@code mailbox} names instead of its address's domain, if it names anything else. */
    public static Optional<String> misfit(MailAddress mailbox) {
        String name = mailbox.displayName().strip();
        String address = mailbox.address().strip();
        String domain = mailbox.domain();
        if (name.isEmpty() || name.length() > MAX_NAME || domain.isEmpty()) {
            return Optional.empty();
        }
        Matcher shown = ADDRESS.matcher(name);
        while (shown.find()) {
            if (!shown.group().equalsIgnoreCase(address)) {
                return Optional.of(shown.group());
            }
        }
        Matcher named = DOMAIN.matcher(ADDRESS.matcher(name).replaceAll(" "));
        while (named.find()) {
            String other = named.group(1).toLowerCase(Locale.ROOT);
            if (!related(other, domain)) {
                return Optional.of(other);
            }
        }
        Matcher organisation = ORGANISATION.matcher(name);
        while (organisation.find()) {
            String text = (organisation.group(1) != null ? organisation.group(1) : organisation.group(2)).strip();
            List<String> words = significantWords(text);
            if (!words.isEmpty() && words.stream().noneMatch(word -> carries(domain, word))) {
                return Optional.of(text);
            }
        }
        return Optional.empty();
    }

    private static boolean related(String named, String domain) {
        return named.equals(domain) || domain.endsWith("." + named) || named.endsWith("." + domain);
    }

    private static List<String> significantWords(String text) {
        List<String> words = new ArrayList<>();
        Matcher word = WORD.matcher(text);
        while (word.find()) {
            String lower = word.group().toLowerCase(Locale.ROOT);
            if (!GENERIC.contains(lower) && !lower.chars().allMatch(Character::isDigit)) {
                words.add(lower);
            }
        }
        return words;
    }

    /**
     * Whether the domain carries the word (acme in acme-corp.co.jp), or one of its labels but the top-level one
     * starts the word (acme.jp for "Acmesoft").
     */
    private static boolean carries(String domain, String word) {
        if (domain.replace("-", "").contains(word)) {
            return true;
        }
        String[] labels = domain.split("\\.");
        for (int i = 0; i < labels.length - 1; i++) {
            String label = labels[i].replace("-", "");
            if (label.length() >= 3 && word.startsWith(label)) {
                return true;
            }
        }
        return false;
    }
}
