package dev.hikyaku.gateway.auth;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The credentials that release queued mail, in memory only: never written to disk, so after a restart queued
 * mail waits for the client's next AUTH or for the user to type the password in the app.
 */
public final class CredentialVault {
    private final Map<String, Credentials> byUser = new ConcurrentHashMap<>();
    private final List<Consumer<String>> arrivals = new CopyOnWriteArrayList<>();

    /** Keeps {@code credentials} (already accepted by the upstream) for their user, wiping any older ones. */
    public void remember(Credentials credentials) {
        Credentials older = byUser.put(credentials.username(), credentials);
        if (older != null && older != credentials) {
            older.wipe();
        }
        arrivals.forEach(listener -> listener.accept(credentials.username()));
    }

    /** The credentials of {@code user}, if known. */
    public Optional<Credentials> find(String user) {
        return Optional.ofNullable(byUser.get(user));
    }

    /** Forgets {@code user}'s credentials (the upstream refused them), wiping them from memory. */
    public void forget(String user) {
        Credentials gone = byUser.remove(user);
        if (gone != null) {
            gone.wipe();
        }
    }

    /** Forgets everything. */
    public void clear() {
        byUser.keySet().forEach(this::forget);
    }

    /** Calls {@code listener} with the user name whenever credentials arrive, so waiting mail can go. */
    public void onArrival(Consumer<String> listener) {
        arrivals.add(listener);
    }
}
