package dev.hikyaku.app.clients.thunderbird;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Picks the outgoing servers out of a profile's preferences; reads only, changes nothing. */
public final class SmtpServerReader {
    private static final String PREFIX = "mail.smtpserver.";
    private static final Pattern SERVER_PREF = Pattern.compile(Pattern.quote(PREFIX) + "([^.]+)\\..+");

    private SmtpServerReader() {
    }

    /** The servers {@code prefs} describe. */
    public static SmtpSettings read(Map<String, PrefValue> prefs) {
        List<SmtpServer> servers = new ArrayList<>();
        for (String id : serverIds(prefs)) {
            servers.add(new SmtpServer(id,
                    text(prefs, id, "hostname"),
                    number(prefs, id, "port").stream().filter(port -> port > 0 && port <= 65_535).findFirst(),
                    SmtpSecurity.fromTrySsl(number(prefs, id, "try_ssl").orElse(0)),
                    text(prefs, id, "username"),
                    text(prefs, id, "description")));
        }
        Optional<String> defaultId = Optional.ofNullable(prefs.get("mail.smtp.defaultserver"))
                .filter(PrefValue.Text.class::isInstance)
                .map(value -> ((PrefValue.Text) value).value())
                .filter(value -> !value.isBlank());
        return new SmtpSettings(servers, defaultId);
    }

    /** The ids {@code mail.smtpservers} lists; without that list, every id a server preference mentions. */
    private static Set<String> serverIds(Map<String, PrefValue> prefs) {
        Set<String> ids = new LinkedHashSet<>();
        if (prefs.get("mail.smtpservers") instanceof PrefValue.Text list) {
            Arrays.stream(list.value().split(",")).map(String::strip).filter(id -> !id.isEmpty()).forEach(ids::add);
            return ids;
        }
        for (String name : prefs.keySet()) {
            Matcher matcher = SERVER_PREF.matcher(name);
            if (matcher.matches()) {
                ids.add(matcher.group(1));
            }
        }
        return ids;
    }

    private static String text(Map<String, PrefValue> prefs, String id, String field) {
        return prefs.get(PREFIX + id + "." + field) instanceof PrefValue.Text text ? text.value() : "";
    }

    private static OptionalInt number(Map<String, PrefValue> prefs, String id, String field) {
        return prefs.get(PREFIX + id + "." + field) instanceof PrefValue.Number number
                ? OptionalInt.of(number.value())
                : OptionalInt.empty();
    }
}
