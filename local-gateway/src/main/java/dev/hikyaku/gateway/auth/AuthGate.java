package dev.hikyaku.gateway.auth;

/** Decides client credentials: by replaying them to the upstream, or (in the sandbox) by needing none. */
public interface AuthGate {

    /** Whether clients must authenticate before sending. */
    boolean required();

    /** The upstream's answer to these credentials. */
    AuthOutcome verify(Credentials credentials);
}
