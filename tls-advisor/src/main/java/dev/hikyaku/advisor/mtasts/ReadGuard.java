package dev.hikyaku.advisor.mtasts;

import java.io.IOException;

/** Called before each blocking read, to re-arm the socket timeout with the time left or give up. */
@FunctionalInterface
interface ReadGuard {
    void beforeRead() throws IOException;
}
