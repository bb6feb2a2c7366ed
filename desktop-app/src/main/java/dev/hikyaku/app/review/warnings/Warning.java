package dev.hikyaku.app.review.warnings;

/** Something about a message's recipients that looks like a mis-send; the review shows each one prominently. */
public sealed interface Warning {

    /** The recipient domain takes no mail (null MX, no such domain): probably mistyped. */
    record NoMail(String domain) implements Warning {
    }

    /** Nothing was ever sent to this domain before. */
    record NewDomain(String domain) implements Warning {
    }

    /** The domain is new and looks like {@code resembles}, a domain the user often writes to. */
    record Lookalike(String domain, String resembles) implements Warning {
    }

    /**
     * The display name shown for {@code address} names something else: another address, another domain or an
     * organisation the address's domain does not carry ({@code named}).
     */
    record DisplayNameMisfit(String address, String displayName, String named) implements Warning {
    }

    /** The message replies to an earlier one, and this domain was not among that message's participants. */
    record NewDomainInThread(String domain) implements Warning {
    }
}
