package dev.hikyaku.gateway.identity;

import dev.hikyaku.gateway.auth.KeeperException;

/** Opens the place that keeps the identity store's password (the OS key store), only when it is needed. */
@FunctionalInterface
public interface KeeperSource {

    /** The keeper; fails when none can be reached. */
    PasswordKeeper open() throws KeeperException;
}
