package dev.hikyaku.advisor.probe;

import java.security.cert.X509Certificate;
import java.util.List;

/** What one STARTTLS probe of one MX address found: the closed set of things an SMTP server can do to us. */
public sealed interface ProbeOutcome {

    /** Whether the server answered well enough to be judged; unjudged outcomes never lower a verdict. */
    boolean judged();

    /** No SMTP greeting: refused, timed out (tarpit), or closed at once. Says nothing about TLS. */
    record NoAnswer(String why) implements ProbeOutcome {
        @Override
        public boolean judged() {
            return false;
        }
    }

    /** The server answered but would not talk (421/4xx, dropped before EHLO): "not judged", never "no TLS". */
    record Refused(String banner, String why) implements ProbeOutcome {
        @Override
        public boolean judged() {
            return false;
        }
    }

    /** EHLO answered without STARTTLS: mail to this MX travels in clear. */
    record NoStartTls(String banner, List<String> ehloKeywords) implements ProbeOutcome {
        /** Copies the keyword list. */
        public NoStartTls {
            ehloKeywords = List.copyOf(ehloKeywords);
        }

        @Override
        public boolean judged() {
            return true;
        }
    }

    /** STARTTLS was offered but the upgrade failed (refused, or the handshake broke): a sender falls back to clear. */
    record StartTlsFailed(String banner, String why) implements ProbeOutcome {
        @Override
        public boolean judged() {
            return true;
        }
    }

    /**
     * STARTTLS works only with TLS 1.1 or older, which the JDK rightly refuses: encrypted but weak.
     *
     * @param chain the certificates the server sent in its clear-text legacy handshake, leaf first
     */
    record LegacyTlsOnly(String banner, String protocol, List<X509Certificate> chain) implements ProbeOutcome {
        /** Copies the chain. */
        public LegacyTlsOnly {
            chain = List.copyOf(chain);
        }

        @Override
        public boolean judged() {
            return true;
        }
    }

    /**
     * STARTTLS and a modern handshake succeeded.
     *
     * @param ehloAfterTls the EHLO keywords after STARTTLS (REQUIRETLS is only advertised there)
     */
    record Tls(String banner, TlsSession session, List<String> ehloAfterTls) implements ProbeOutcome {
        /** Copies the keyword list. */
        public Tls {
            ehloAfterTls = List.copyOf(ehloAfterTls);
        }

        @Override
        public boolean judged() {
            return true;
        }
    }
}
