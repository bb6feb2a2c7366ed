package dev.hikyaku.advisor.mx;

import java.net.InetAddress;
import java.util.List;

/**
 * One mail host of a domain, with the addresses a sending MTA would try, IPv4 first.
 *
 * @param name            the host name, lower-case, no trailing dot
 * @param preference      its MX preference (lower first); 0 for an implicit MX
 * @param addresses       its A and AAAA addresses; empty when it has none
 * @param addressesSecure every address answer was DNSSEC-validated
 * @param problem         why it has no address (e.g. "no such host"), empty when it has some
 */
public record MxHost(String name, int preference, List<InetAddress> addresses, boolean addressesSecure, String problem) {

    /** Copies the list. */
    public MxHost {
        addresses = List.copyOf(addresses);
    }
}
