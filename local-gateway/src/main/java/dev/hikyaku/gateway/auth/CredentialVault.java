package dev.hikyaku.gateway.auth;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The credentials that release queued mail, in memory: never written to disk by Hikyaku, so after a restart
 * queued mail waits for the client's next AUTH or for the user to type the password in the app. When the user
 * opted in, a {@link CredentialKeeper} (the OS key store) keeps them across restarts as well.
 */
public final class CredentialVault {
    private final Map<String, Credentials> byUser = new ConcurrentHashMap<>();
    private final List<Consumer<String>> arrivals = new CopyOnWriteArrayList<>();
    private final Optional<CredentialKeeper> keeper;
    private final Consumer<KeeperException> onKeeperProblem;
    private volatile String lastUser;

    /** A vault in memory only. */
    public CredentialVault() {
        this(Optional.empty(), problem -> { });
    }

    /**
     * A vault that also hands credentials to {@code keeper}; a keeper that fails is reported to
     * {@code onKeeperProblem} and the password stays in memory, so mail still goes.
     */
    public CredentialVault(Optional<CredentialKeeper> keeper, Consumer<KeeperException> onKeeperProblem) {
        this.keeper = keeper;
        this.onKeeperProblem = onKeeperProblem;
    }

    /** Keeps {@code credentials} (already accepted by the upstream) for their user, wiping any older ones. */
    public void remember(Credentials credentials) {
        if (keeper.isPresent()) {
            try {
                keeper.get().keep(credentials);
            } catch (KeeperException e) {
                onKeeperProblem.accept(e);
            }
        }
        hold(credentials);
    }

    /** Takes back from the keeper what it kept for {@code users} (after a restart); returns how many came back. */
    public int restore(Collection<String> users) {
        if (keeper.isEmpty()) {
            return 0;
        }
        int restored = 0;
        for (String user : users) {
            try {
                Optional<Credentials> kept = keeper.get().recall(user);
                if (kept.isPresent()) {
                    hold(kept.get());
                    restored++;
                }
            } catch (KeeperException e) {
                onKeeperProblem.accept(e);
            }
        }
        return restored;
    }

    private void hold(Credentials credentials) {
        lastUser = credentials.username();
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

    /** The user whose credentials arrived last (still known or since forgotten), if any arrived. */
    public Optional<String> lastUser() {
        return Optional.ofNullable(lastUser);
    }

    /** Forgets {@code user}'s credentials (the upstream refused them): wiped from memory and from the keeper. */
    public void forget(String user) {
        wipe(user);
        if (keeper.isPresent()) {
            try {
                keeper.get().discard(user);
            } catch (KeeperException e) {
                onKeeperProblem.accept(e);
            }
        }
    }

    /** Wipes everything from memory (the gateway stops); what the keeper holds stays for the next start. */
    public void clear() {
        byUser.keySet().forEach(this::wipe);
    }

    private void wipe(String user) {
        Credentials gone = byUser.remove(user);
        if (gone != null) {
            gone.wipe();
        }
    }

    /** Calls {@code listener} with the user name whenever credentials arrive, so waiting mail can go. */
    public void onArrival(Consumer<String> listener) {
        arrivals.add(listener);
    }
}
