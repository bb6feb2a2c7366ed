package dev.hikyaku.gateway.plan;

import dev.hikyaku.advisor.verdict.Level;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which action each recipient group gets by default, and what the sender may change it to.
 * The default is looked up in a fixed order: the address, then its domain (and parent domains), then
 * "internal mail as it is", then a known S/MIME certificate, then the route's verdict level. The sender may
 * choose any action at least as protective as that default, S/MIME only when every recipient has a certificate.
 *
 * @param byLevel          the default per verdict level
 * @param byDomain         defaults for single domains (a domain also covers its subdomains)
 * @param byAddress        defaults for single addresses (lower case)
 * @param internalAsIs     whether internal mail skips packaging
 */
public record PackagingPolicy(Map<Level, GroupAction> byLevel, Map<String, GroupAction> byDomain,
                              Map<String, GroupAction> byAddress, boolean internalAsIs) {
    /** Validated copy: every level must have a default. */
    public PackagingPolicy {
        byLevel = Map.copyOf(byLevel);
        byDomain = Map.copyOf(byDomain);
        byAddress = Map.copyOf(byAddress);
        for (Level level : Level.values()) {
            if (!byLevel.containsKey(level)) {
                throw new IllegalArgumentException("no default action for " + level);
            }
        }
    }

    /** The defaults: as-is over TLS routes, an AES zip elsewhere, hold for a domain that takes no mail. */
    public static PackagingPolicy defaults() {
        Map<Level, GroupAction> byLevel = new EnumMap<>(Level.class);
        byLevel.put(Level.AUTHENTICATED, new GroupAction.AsIs());
        byLevel.put(Level.ENCRYPTED, new GroupAction.AsIs());
        byLevel.put(Level.ENCRYPTED_UNVERIFIED, ActionName.AES_ZIP.action());
        byLevel.put(Level.PLAINTEXT, ActionName.AES_ZIP.action());
        byLevel.put(Level.UNKNOWN, ActionName.AES_ZIP.action());
        byLevel.put(Level.NO_MAIL, new GroupAction.HoldForSender());
        return new PackagingPolicy(byLevel, Map.of(), Map.of(), true);
    }

    /** The same policy with internal mail skipping packaging or not. */
    public PackagingPolicy withInternalAsIs(boolean asIs) {
        return new PackagingPolicy(byLevel, byDomain, byAddress, asIs);
    }

    /** The default action for one group. */
    public GroupAction defaultFor(String address, String domain, Level level, boolean internal, boolean smimeReady) {
        GroupAction chosen = byAddress.get(address.toLowerCase(Locale.ROOT));
        if (chosen != null) {
            return chosen;
        }
        for (String suffix = domain.toLowerCase(Locale.ROOT); !suffix.isEmpty(); suffix = parent(suffix)) {
            GroupAction forDomain = byDomain.get(suffix);
            if (forDomain != null) {
                return forDomain;
            }
        }
        if (internal && internalAsIs && level != Level.NO_MAIL) {
            return new GroupAction.AsIs();
        }
        if (smimeReady && level != Level.NO_MAIL) {
            return new GroupAction.SmimeEncrypt();
        }
        return byLevel.get(level);
    }

    /** What the sender may pick instead of {@code chosen}: anything as protective, S/MIME only when ready. */
    public List<GroupAction> choices(GroupAction chosen, boolean smimeReady) {
        return Arrays.stream(ActionName.values()).map(ActionName::action)
                .filter(action -> action.protection() >= chosen.protection())
                .filter(action -> smimeReady || !(action instanceof GroupAction.SmimeEncrypt))
                .toList();
    }

    private static String parent(String domain) {
        int dot = domain.indexOf('.');
        return dot < 0 ? "" : domain.substring(dot + 1);
    }
}
