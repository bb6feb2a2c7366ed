package dev.hikyaku.bench.relay;

/**
 * Ends what the bench started if its JVM is ended (Ctrl-C, kill) before the owner closed it: child processes
 * outlive the JVM, and Postfix even detaches from it. Closing the guard withdraws it.
 */
final class ExitGuard implements AutoCloseable {
    private final Thread hook;

    /** Runs {@code cleanUp} when the JVM shuts down, unless closed first. */
    ExitGuard(String name, Runnable cleanUp) {
        hook = new Thread(cleanUp, name);
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Ends {@code process} when the JVM shuts down, unless closed first. */
    static ExitGuard destroying(String name, Process process) {
        return new ExitGuard(name, process::destroy);
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook runs now; it does what close's caller is about to do, and twice is harmless.
        }
    }
}
