package dev.hikyaku.app.system;

import java.util.List;

/** Runs a program of the OS to its end (here: Windows' reg.exe). */
interface Commands {
    /** Runs {@code command} and returns its exit code. */
    int run(List<String> command) throws LoginStartException;
}
