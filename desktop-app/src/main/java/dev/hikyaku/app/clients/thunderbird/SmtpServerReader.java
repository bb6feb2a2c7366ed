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

/**
 * Picks the outgoing servers out of a profile's preferences; reads only, changes nothing. Thunderbird lists every
 * outgoing server in {@code mail.smtpservers} with its type in {@code mail.smtpserver.<id>.type}; an SMTP server
 * keeps its settings under {@code mail.smtpserver.<id>.}, other kinds (Exchange's EWS) under
 * {@code mail.outgoingserver.<id>.}.
 */
public final class SmtpServerReader {
    /** The preference prefix of an SMTP server's settings. */
    static final String PREFIX = "mail.smtpserver.";
    private static final String OTHER_PREFIX = "mail.outgoingserver.";
    private static final Pattern SERVER_PREF = Pattern.compile(Pattern.quote(PREFIX) + "([^.]+)\\..+");

    private SmtpServerReader() {
    }

    /** The servers {@code prefs} describe. */
    public static SmtpSettings read(Map<String, PrefValue> prefs) {
        List<SmtpServer> servers = new ArrayList<>();
        for (String id : serverIds(prefs)) {
            String type = text(prefs, PREFIX + id + ".type").filter(value -> !value.isBlank()).orElse(SmtpServer.SMTP);
            String prefix = SmtpServer.SMTP.equals(type) ? PREFIX + id + "." : OTHER_PREFIX + id + ".";
            servers.add(new SmtpServer(id, type,
                    text(prefs, prefix + "hostname").orElse(""),
                    number(prefs, prefix + "port").stream().filter(port -> port > 0 && port <= 65_535).findFirst(),
                    SmtpSecurity.fromTrySsl(number(prefs, prefix + "try_ssl").orElse(0)),
                    authOf(prefs, prefix),
                    text(prefs, prefix + "username").orElse(""),
                    text(prefs, prefix + "description").orElse("")));
        }
        Optional<String> defaultId = text(prefs, "mail.smtp.defaultserver").filter(value -> !value.isBlank());
        return new SmtpSettings(servers, defaultId);
    }

    private static SmtpAuth authOf(Map<String, PrefValue> prefs, String prefix) {
        OptionalInt value = number(prefs, prefix + "authMethod");
        if (value.isEmpty()) {
            value = number(prefs, prefix + "auth_method");
        }
        return value.isPresent() ? SmtpAuth.fromPref(value.getAsInt()) : SmtpAuth.DEFAULT;
    }

    /** The ids {@code mail.smtpservers} lists; without that list, every id a server preference mentions. */
    private static Set<String> serverIds(Map<String, PrefValue> prefs) {
        Set<String> ids = new LinkedHashSet<>();
        Optional<String> list = text(prefs, "mail.smtpservers");
        if (list.isPresent()) {
            Arrays.stream(list.get().split(",")).map(String::strip).filter(id -> !id.isEmpty()).forEach(ids::add);
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

    static Optional<String> text(Map<String, PrefValue> prefs, String name) {
        return prefs.get(name) instanceof PrefValue.Text text ? Optional.of(text.value()) : Optional.empty();
    }

    private static OptionalInt number(Map<String, PrefValue> prefs, String name) {
        return prefs.get(name) instanceof PrefValue.Number number
                ? OptionalInt.of(number.value())
                : OptionalInt.empty();
    }
}
