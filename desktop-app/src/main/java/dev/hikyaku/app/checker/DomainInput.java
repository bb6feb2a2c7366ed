package dev.hikyaku.app.checker;

import dev.hikyaku.advisor.route.RecipientDomain;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What the user typed into the checker, split into entries: domains or addresses, each checked once. */
public final class DomainInput {
    private DomainInput() {
    }

    /**
     * One typed entry and the domain it names, empty when it names none.
     *
     * @param typed  the entry as typed
     * @param domain its mail domain, if it is a usable one
     */
    public record Entry(String typed, Optional<RecipientDomain> domain) {
    }

    /**
     * The entries of {@code text}, separated by commas, semicolons or white space (also the ideographic space and
     * comma a Japanese keyboard types); an entry naming a domain already listed is left out.
     */
    public static List<Entry> parse(String text) {
        List<Entry> entries = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String part : text.split("[\\s,;\u3000\u3001\uff0c]+")) {
            String typed = stripBrackets(part);
            if (typed.isEmpty()) {
                continue;
            }
            Optional<RecipientDomain> domain = domain(typed);
            if (domain.isPresent() ? seen.add(domain.get().ascii()) : seen.add(typed)) {
                entries.add(new Entry(typed, domain));
            }
        }
        return List.copyOf(entries);
    }

    /** Addresses pasted from a mail header come as {@code <someone@example.jp>}. */
    private static String stripBrackets(String part) {
        String typed = part.strip();
        if (typed.startsWith("<") && typed.endsWith(">")) {
            typed = typed.substring(1, typed.length() - 1).strip();
        }
        return typed;
    }

    private static Optional<RecipientDomain> domain(String typed) {
        try {
            return Optional.of(RecipientDomain.parse(typed));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
