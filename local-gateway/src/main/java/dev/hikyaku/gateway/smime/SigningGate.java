package dev.hikyaku.gateway.smime;

import dev.hikyaku.gateway.identity.IdentityVault;
import dev.hikyaku.gateway.plan.MessagePlan;
import dev.hikyaku.gateway.plan.SmimeHandling;
import dev.hikyaku.gateway.queue.QueuedMessage;
import dev.hikyaku.gateway.release.ReleaseGate;
import java.util.Optional;
import java.util.function.Function;

/**
 * Keeps back due mail whose plan says "sign" while the identity store is locked, like mail waiting for its upstream
 * password: it stays due, the app hears {@code IdentityLocked} once, and the unlock wakes the dispatcher.
 */
public final class SigningGate implements ReleaseGate {
    private final Function<String, Optional<MessagePlan>> plans;
    private final IdentityVault identities;

    /** A gate reading each message's plan through {@code plans}. */
    public SigningGate(Function<String, Optional<MessagePlan>> plans, IdentityVault identities) {
        this.plans = plans;
        this.identities = identities;
    }

    @Override
    public boolean mayRelease(QueuedMessage message) {
        if (identities.isUnlocked()) {
            return true;
        }
        Optional<SmimeHandling> smime = plans.apply(message.id()).map(MessagePlan::smime);
        if (smime.isPresent() && smime.get().signing() == SmimeHandling.Signing.SIGN) {
            identities.announceLocked(message.id(), smime.get().signAs());
            return false;
        }
        return true;
    }
}
