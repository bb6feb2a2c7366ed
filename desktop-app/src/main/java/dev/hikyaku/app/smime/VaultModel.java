package dev.hikyaku.app.smime;

import dev.hikyaku.app.i18n.Localized;
import dev.hikyaku.smime.identity.IdentityStore;
import dev.hikyaku.smime.identity.IdentityStoreException;
import java.nio.CharBuffer;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The unlock screen's state: whether a store exists (create or unlock), the message of the last attempt, and
 * whether the store is being opened (PBKDF2 takes a moment, so it runs on {@code background}).
 */
final class VaultModel {
    private final IdentityVault vault;
    private final Executor background;
    private final Executor ui;
    private final BooleanProperty creating = new SimpleBooleanProperty(this, "creating");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final ObjectProperty<Optional<Localized>> message = new SimpleObjectProperty<>(this, "message", Optional.empty());
    private final ObjectProperty<Optional<IdentityStore>> unlocked = new SimpleObjectProperty<>(this, "unlocked", Optional.empty());

    VaultModel(IdentityVault vault, Executor background, Executor ui) {
        this.vault = vault;
        this.background = background;
        this.ui = ui;
    }

    /** Looks whether the store exists (on {@code background}: the data folder may be slow). */
    void load() {
        busy.set(true);
        background.execute(() -> {
            boolean exists = vault.exists();
            Optional<IdentityStore> open = vault.store();
            ui.execute(() -> {
                creating.set(!exists);
                unlocked.set(open);
                busy.set(false);
            });
        });
    }

    /**
     * Creates the store with the password typed twice; the arrays are wiped here.
     *
     * @return false when the input was refused at once (too short, not the same twice)
     */
    boolean create(char[] password, char[] repeated) {
        try {
            if (PasswordStrength.of(CharBuffer.wrap(password)) == PasswordStrength.TOO_SHORT) {
                message.set(Optional.of(new OwnText(SmimeText.VAULT_TOO_SHORT, PasswordStrength.MIN_LENGTH)));
                return false;
            }
            if (!Arrays.equals(password, repeated)) {
                message.set(Optional.of(new OwnText(SmimeText.VAULT_MISMATCH)));
                return false;
            }
        } finally {
            Arrays.fill(repeated, '\0');
        }
        open(password, vault::create);
        return true;
    }

    /** Unlocks the store with the typed password; the array is wiped here. */
    void unlock(char[] password) {
        open(password, vault::unlock);
    }

    ReadOnlyBooleanProperty creatingProperty() {
        return creating;
    }

    ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    ReadOnlyObjectProperty<Optional<Localized>> messageProperty() {
        return message;
    }

    /** The store once it is open. */
    ReadOnlyObjectProperty<Optional<IdentityStore>> unlockedProperty() {
        return unlocked;
    }

    /** Runs {@code onOpen} now and whenever the store is opened. */
    void whenUnlocked(Consumer<IdentityStore> onOpen) {
        unlocked.addListener((property, before, after) -> after.ifPresent(onOpen));
        unlocked.get().ifPresent(onOpen);
    }

    private void open(char[] password, Opening opening) {
        busy.set(true);
        message.set(Optional.of(new OwnText(SmimeText.VAULT_OPENING)));
        background.execute(() -> {
            Optional<Localized> failure = Optional.empty();
            IdentityStore store = null;
            try {
                store = opening.open(password);
            } catch (IdentityStoreException e) {
                failure = Optional.of("pkcs12.wrongPassword".equals(e.notice().key())
                        ? new OwnText(SmimeText.VAULT_WRONG_PASSWORD) : new NoticeText(e.notice()));
            } finally {
                Arrays.fill(password, '\0');
            }
            Optional<Localized> shown = failure;
            Optional<IdentityStore> opened = Optional.ofNullable(store);
            ui.execute(() -> {
                message.set(shown);
                busy.set(false);
                if (opened.isPresent()) {
                    creating.set(false);
                    unlocked.set(opened);
                }
            });
        });
    }

    /** Creating or unlocking. */
    @FunctionalInterface
    private interface Opening {
        IdentityStore open(char[] password) throws IdentityStoreException;
    }
}
