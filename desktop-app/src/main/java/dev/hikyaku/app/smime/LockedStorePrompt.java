package dev.hikyaku.app.smime;

import dev.hikyaku.gateway.events.GatewayEvent;
import java.util.function.Consumer;

/**
 * Asks for the key store's password when the gateway needs the keys (mail to sign, or a forward to open) and the
 * user has not unlocked the store in this session: the S/MIME tab, which then shows the unlock prompt, comes forward.
 */
public final class LockedStorePrompt implements Consumer<GatewayEvent> {
    private final IdentityVault vault;
    private final Runnable showStore;

    /** Prompts through {@code showStore} (brings the S/MIME tab forward) while {@code vault} is locked. */
    public LockedStorePrompt(IdentityVault vault, Runnable showStore) {
        this.vault = vault;
        this.showStore = showStore;
    }

    @Override
    public void accept(GatewayEvent event) {
        if (event instanceof GatewayEvent.IdentityLocked && vault.store().isEmpty()) {
            showStore.run();
        }
    }
}
