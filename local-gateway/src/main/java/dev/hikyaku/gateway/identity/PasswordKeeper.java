package dev.hikyaku.gateway.identity;

import dev.hikyaku.gateway.auth.KeeperException;
import java.util.Optional;

/** A place outside the process that keeps the identity store's password across restarts, when the user opted in. */
public interface PasswordKeeper {

    /** Keeps a copy of {@code password}, replacing what was kept; the caller still owns and wipes the array. */
    void keep(char[] password) throws KeeperException;

    /** The kept password as a fresh array the caller wipes, if any. */
    Optional<char[]> recall() throws KeeperException;

    /** Removes what is kept; nothing kept is fine. */
    void discard() throws KeeperException;
}
