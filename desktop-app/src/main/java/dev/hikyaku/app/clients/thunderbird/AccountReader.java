package dev.hikyaku.app.clients.thunderbird;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Picks the mail accounts out of a profile's preferences: {@code mail.accountmanager.accounts} lists them, each
 * names its incoming server and identities, and an identity names its outgoing server ({@code smtpServer}) or
 * leaves it to the default ({@code mail.smtp.defaultserver}). Local Folders and feed accounts send nothing and
 * are left out.
 */
public final class AccountReader {
    private static final Set<String> SENDS_NOTHING = Set.of("none", "rss");

    private AccountReader() {
    }

    /** The accounts {@code prefs} describe, in the order Thunderbird shows them. */
    public static List<ThunderbirdAccount> read(Map<String, PrefValue> prefs) {
        SmtpSettings servers = SmtpServerReader.read(prefs);
        List<ThunderbirdAccount> accounts = new ArrayList<>();
        for (String id : list(prefs, "mail.accountmanager.accounts")) {
            String incoming = SmtpServerReader.text(prefs, "mail.account." + id + ".server").orElse("");
            String type = SmtpServerReader.text(prefs, "mail.server." + incoming + ".type").orElse("");
            if (incoming.isEmpty() || SENDS_NOTHING.contains(type)) {
                continue;
            }
            Optional<String> identity = list(prefs, "mail.account." + id + ".identities").stream().findFirst();
            String address = identity
                    .flatMap(key -> SmtpServerReader.text(prefs, "mail.identity." + key + ".useremail"))
                    .orElse("");
            String name = SmtpServerReader.text(prefs, "mail.server." + incoming + ".name")
                    .filter(value -> !value.isBlank())
                    .orElse(address.isEmpty() ? id : address);
            Optional<String> outgoingId = identity
                    .flatMap(key -> SmtpServerReader.text(prefs, "mail.identity." + key + ".smtpServer"))
                    .filter(value -> !value.isBlank())
                    .or(servers::defaultServerId);
            accounts.add(new ThunderbirdAccount(id, name, address, type, outgoingId.flatMap(servers::server)));
        }
        return List.copyOf(accounts);
    }

    private static List<String> list(Map<String, PrefValue> prefs, String name) {
        return SmtpServerReader.text(prefs, name).stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::strip)
                .filter(value -> !value.isEmpty())
                .toList();
    }
}
