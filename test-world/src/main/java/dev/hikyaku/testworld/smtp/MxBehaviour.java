package dev.hikyaku.testworld.smtp;

import dev.hikyaku.testworld.ca.Issued;
import java.util.List;
import java.util.Objects;

/** How a fixture MX treats each connection it accepts. */
public sealed interface MxBehaviour {

    /** Speaks ESMTP and receives mail, but never offers STARTTLS. */
    record Plain() implements MxBehaviour {
    }

    /**
     * Speaks ESMTP, offers STARTTLS and presents the certificate.
     *
     * @param protocols the TLS versions the server allows, e.g. {@code TLSv1.2}; empty for the JDK's defaults
     * @param advertiseRequireTls whether the EHLO answer after STARTTLS lists REQUIRETLS (RFC 8689)
     */
    record StartTls(Issued certificate, List<String> protocols, boolean advertiseRequireTls) implements MxBehaviour {

        /** Copies the protocol list. */
        public StartTls {
            Objects.requireNonNull(certificate, "certificate");
            protocols = List.copyOf(protocols);
        }

        /** The same server, listing REQUIRETLS after STARTTLS. */
        public StartTls withRequireTls() {
            return new StartTls(certificate, protocols, true);
        }
    }

    /** Accepts the TCP connection and never sends a byte. */
    record Tarpit() implements MxBehaviour {
    }

    /** Closes the connection at once after accepting it. */
    record CloseAtOnce() implements MxBehaviour {
    }

    /** Greets with 421 (service not available) and closes. */
    record Greet421() implements MxBehaviour {
    }

    /** Offers STARTTLS and answers 220 to it, then sends bytes that are not TLS and closes. */
    record BrokenStartTls() implements MxBehaviour {
    }

    /** A plain ESMTP server without STARTTLS. */
    static MxBehaviour plain() {
        return new Plain();
    }

    /** A STARTTLS server with the JDK's default TLS versions. */
    static StartTls startTls(Issued certificate) {
        return new StartTls(certificate, List.of(), false);
    }

    /** A STARTTLS server that allows only the given TLS versions, e.g. {@code "TLSv1.3"}. */
    static StartTls startTls(Issued certificate, String... protocols) {
        return new StartTls(certificate, List.of(protocols), false);
    }

    /** A server that accepts and stays silent. */
    static MxBehaviour tarpit() {
        return new Tarpit();
    }

    /** A server that closes right after accepting. */
    static MxBehaviour closeAtOnce() {
        return new CloseAtOnce();
    }

    /** A server that greets 421 and closes. */
    static MxBehaviour greet421() {
        return new Greet421();
    }

    /** A server whose STARTTLS handshake never works. */
    static MxBehaviour brokenStartTls() {
        return new BrokenStartTls();
    }
}
