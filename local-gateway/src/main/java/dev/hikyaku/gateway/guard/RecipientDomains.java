package dev.hikyaku.gateway.guard;

import java.util.List;

/**
 * The company's own domains and its partners' domains, which tell internal recipients from external ones.
 *
 * @param internal               the company's domains (subdomains included)
 * @param partner                partners' domains: external, but sent at once by staged delivery
 * @param internalSkipsPackaging whether mail to internal recipients goes as written, without packaging
 */
public record RecipientDomains(List<AddressPattern> internal, List<AddressPattern> partner,
                               boolean internalSkipsPackaging) {

    /** Unmodifiable lists. */
    public RecipientDomains {
        internal = List.copyOf(internal);
        partner = List.copyOf(partner);
    }

    /** Where {@code address} is; an address without a domain is external. */
    public Reach reach(String address) {
        if (internal.stream().anyMatch(pattern -> pattern.matches(address))) {
            return Reach.INTERNAL;
        }
        return partner.stream().anyMatch(pattern -> pattern.matches(address)) ? Reach.PARTNER : Reach.EXTERNAL;
    }

    /** Whether mail to {@code address} is sent without packaging. */
    public boolean skipsPackaging(String address) {
        return internalSkipsPackaging && reach(address) == Reach.INTERNAL;
    }
}
