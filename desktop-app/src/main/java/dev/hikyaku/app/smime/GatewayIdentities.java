package dev.hikyaku.app.smime;

import dev.hikyaku.app.gateway.GatewayRunner;
import dev.hikyaku.app.gateway.GatewayState;
import dev.hikyaku.gateway.Gateway;
import dev.hikyaku.gateway.identity.UnlockRefusedException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * Shares the identity store the user unlocked in the S/MIME tab with the in-process gateway, which signs and opens
 * forwarded mail with it: the password goes to the gateway at each unlock and again after every gateway (re)start,
 * and the gateway restarts when the wizard has written a new {@code smime.conf}.
 */
public final class GatewayIdentities {
    private final IdentityVault vault;
    private final GatewayRunner runner;
    private final Executor background;

    /** Follows {@code vault} for the gateway {@code runner} runs; the gateway is called on {@code background}. */
    public GatewayIdentities(IdentityVault vault, GatewayRunner runner, Executor background) {
        this.vault = vault;
        this.runner = runner;
        this.background = background;
    }

    /** Starts following the vault's unlocks and the gateway's restarts. */
    public void start() {
        vault.onUnlocked(password -> background.execute(() -> hand(password)));
        runner.watch(state -> {
            if (state instanceof GatewayState.Running) {
                background.execute(this::handIfUnlocked);
            }
        });
    }

    /** The wizard wrote smime.conf: the gateway reads it when it starts, so it restarts (and is handed the password). */
    public void wizardFinished() {
        background.execute(runner::restart);
    }

    private void handIfUnlocked() {
        if (vault.store().isEmpty()) {
            return;
        }
        char[] password;
        try {
            password = vault.password().password();
        } catch (IllegalStateException locked) {
            return;
        }
        hand(password);
    }

    private void hand(char[] password) {
        try {
            Optional<Gateway> gateway = runner.gateway();
            if (gateway.isPresent()) {
                // Whether the OS keychain keeps it is the gateway's smime.keychain setting, not this hand-over's.
                gateway.get().unlockIdentities(password, false);
            }
        } catch (UnlockRefusedException e) {
            // Mail that needs the keys then waits and the gateway says so (IdentityLocked); no secret is in the text.
            System.err.println("event=identity-handover-refused reason=\"" + e.message(Locale.ENGLISH) + "\"");
        } finally {
            Arrays.fill(password, '\0');
        }
    }
}
