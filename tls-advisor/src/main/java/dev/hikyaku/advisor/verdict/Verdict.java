package dev.hikyaku.advisor.verdict;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/** The verdict for one recipient domain: a level with the facts that justify it. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "level")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Verdict.Authenticated.class, name = "AUTHENTICATED"),
        @JsonSubTypes.Type(value = Verdict.Encrypted.class, name = "ENCRYPTED"),
        @JsonSubTypes.Type(value = Verdict.EncryptedUnverified.class, name = "ENCRYPTED_UNVERIFIED"),
        @JsonSubTypes.Type(value = Verdict.Plaintext.class, name = "PLAINTEXT"),
        @JsonSubTypes.Type(value = Verdict.NoMail.class, name = "NO_MAIL"),
        @JsonSubTypes.Type(value = Verdict.Unknown.class, name = "UNKNOWN")})
public sealed interface Verdict {

    /** The level, for rules and storage (written as the JSON type name, so not again as a property). */
    @JsonIgnore
    Level level();

    /** What pinned an authenticated route. */
    enum Pin {
        /** DNSSEC-validated TLSA records matched every MX. */
        DANE,
        /** An MTA-STS enforce policy covered every MX, with valid certificates. */
        MTA_STS
    }

    /**
     * The route is pinned.
     *
     * @param pin    what pins it
     * @param probed false when port 25 was unreachable and DNS/HTTPS evidence alone decided
     */
    record Authenticated(Pin pin, boolean probed) implements Verdict {
        @Override
        public Level level() {
            return Level.AUTHENTICATED;
        }
    }

    /**
     * Encrypted with valid certificates, not pinned.
     *
     * @param probed false when the level comes from the known-provider list instead of a probe
     */
    record Encrypted(boolean probed) implements Verdict {
        @Override
        public Level level() {
            return Level.ENCRYPTED;
        }
    }

    /** Encrypted, but {@code weaknesses} say why it is not verified (e.g. "mx1: self-signed certificate"). */
    record EncryptedUnverified(List<String> weaknesses) implements Verdict {
        /** Copies the list. */
        public EncryptedUnverified {
            weaknesses = List.copyOf(weaknesses);
        }

        @Override
        public Level level() {
            return Level.ENCRYPTED_UNVERIFIED;
        }
    }

    /**
     * Mail may travel in clear.
     *
     * @param causes       e.g. "mx2: no STARTTLS"
     * @param pinViolated  true when a DANE or MTA-STS enforce pin exists but the servers do not meet it
     */
    record Plaintext(List<String> causes, boolean pinViolated) implements Verdict {
        /** Copies the list. */
        public Plaintext {
            causes = List.copyOf(causes);
        }

        @Override
        public Level level() {
            return Level.PLAINTEXT;
        }
    }

    /** Why a domain takes no mail. */
    enum NoMailCause {
        /** It publishes "MX 0 ." (RFC 7505). */
        NULL_MX,
        /** The domain does not exist (NXDOMAIN). */
        NO_SUCH_DOMAIN,
        /** It exists but has neither MX records nor an address to fall back on (RFC 5321 section 5.1). */
        NO_MAIL_HOST
    }

    /** The domain takes no mail, for the given cause. */
    record NoMail(NoMailCause cause) implements Verdict {
        @Override
        public Level level() {
            return Level.NO_MAIL;
        }
    }

    /** What stood in the way of a verdict. */
    enum UnknownCause {
        /** No MX answered (all silent, refused or gone), but port 25 is reachable from here. */
        NO_MX_ANSWERED,
        /** This PC cannot reach port 25 anywhere (e.g. the ISP's OP25B) and DNS pins nothing. */
        PORT25_BLOCKED,
        /** The DNS lookup of the domain's mail hosts failed (timeout, SERVFAIL). */
        DNS_FAILED,
        /** The DNS answer failed DNSSEC validation: it may be forged. */
        DNS_FORGED
    }

    /**
     * Not judged.
     *
     * @param cause  what stood in the way
     * @param detail the technical detail (e.g. the resolver's error), empty when none
     */
    record Unknown(UnknownCause cause, String detail) implements Verdict {
        /** Whether this PC cannot reach port 25 at all. */
        @JsonIgnore
        public boolean port25Blocked() {
            return cause == UnknownCause.PORT25_BLOCKED;
        }

        @Override
        public Level level() {
            return Level.UNKNOWN;
        }
    }
}
