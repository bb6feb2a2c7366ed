package dev.hikyaku.gateway.auth;

import java.util.Optional;

/** A place outside the process that keeps mail passwords across restarts, when the user opted in. */
public interface CredentialKeeper {

    /** Keeps {@code credentials}, replacing older ones of the same user. */
    void keep(Credentials credentials) throws KeeperException;

    /** The kept credentials of {@code user}, if any. */
    Optional<Credentials> recall(String user) throws KeeperException;

    /** Removes what is kept for {@code user} (the upstream refused it); nothing kept is fine. */
    void discard(String user) throws KeeperException;
}
