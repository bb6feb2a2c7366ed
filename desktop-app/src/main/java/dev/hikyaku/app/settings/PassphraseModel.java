package dev.hikyaku.app.settings;

import dev.hikyaku.app.gateway.GatewayRunner;
import dev.hikyaku.app.gateway.GatewayState;
import dev.hikyaku.app.i18n.LiveText;
import dev.hikyaku.app.i18n.Localized;
import dev.hikyaku.app.i18n.TextKey;
import dev.hikyaku.gateway.packaging.passphrase.BookEntry;
import dev.hikyaku.gateway.packaging.passphrase.Contact;
import dev.hikyaku.gateway.packaging.passphrase.PassphraseBook;
import dev.hikyaku.gateway.packaging.passphrase.PassphraseBookException;
import dev.hikyaku.gateway.packaging.passphrase.PassphraseRules;
import dev.hikyaku.gateway.text.GatewayText;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The contacts' agreed passphrases as a list (contact, hint, when set; never the passphrase), with keeping and
 * removing one. The book is the running gateway's; the passphrase the user typed is checked with the gateway's
 * {@link PassphraseRules}, handed over as a char array and wiped, and never shown, logged or kept here.
 */
public final class PassphraseModel {
    private final LiveText text;
    private final GatewayRunner runner;
    private final Executor background;
    private final Executor ui;
    private final ObservableList<BookEntry> entries = FXCollections.observableArrayList();
    private final BooleanProperty available = new SimpleBooleanProperty(this, "available");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");

    /** The book of {@code runner}'s gateway, re-read whenever a gateway starts running. */
    public PassphraseModel(LiveText text, GatewayRunner runner, Executor background, Executor ui) {
        this.text = text;
        this.runner = runner;
        this.background = background;
        this.ui = ui;
        runner.watch(state -> {
            if (state instanceof GatewayState.Running || state instanceof GatewayState.Paused) {
                ui.execute(this::refresh);
            }
        });
    }

    /** Reads the entries of the running gateway's book; without one, says the book cannot be opened. */
    public void refresh() {
        Optional<PassphraseBook> book = book();
        if (book.isEmpty()) {
            available.set(false);
            entries.clear();
            show(SettingsText.PASSPHRASES_UNAVAILABLE);
            return;
        }
        if (!available.get()) {
            // The book is back (the gateway runs again): the "cannot be opened" line no longer holds.
            status.unbind();
            status.set("");
            available.set(true);
        }
        background.execute(() -> {
            List<BookEntry> read = book.get().entries();
            ui.execute(() -> entries.setAll(read));
        });
    }

    /**
     * Keeps {@code passphrase} and {@code hint} for {@code contact} (an address, or a domain), replacing an earlier
     * one. Both passphrase arrays are wiped, whatever happens.
     */
    public void keep(String contact, char[] passphrase, char[] repeated, String hint) {
        try {
            Optional<Contact> parsed = contact(contact);
            if (parsed.isEmpty()) {
                show(SettingsText.CONTACT_INVALID);
                return;
            }
            if (!Arrays.equals(passphrase, repeated)) {
                show(SettingsText.PASSPHRASE_MISMATCH);
                return;
            }
            Optional<String> problem = PassphraseRules.problem(passphrase, hint);
            if (problem.isPresent()) {
                String key = problem.get();
                showLocalized(locale -> GatewayText.format(locale, key));
                return;
            }
            Optional<PassphraseBook> book = book();
            if (book.isEmpty()) {
                show(SettingsText.PASSPHRASES_UNAVAILABLE);
                return;
            }
            char[] copy = passphrase.clone();
            background.execute(() -> {
                try {
                    book.get().put(parsed.get(), copy, hint.strip());
                    done(SettingsText.PASSPHRASE_SAVED, parsed.get().value());
                } catch (IOException e) {
                    failed(e);
                } finally {
                    Arrays.fill(copy, '\0');
                }
            });
        } finally {
            Arrays.fill(passphrase, '\0');
            Arrays.fill(repeated, '\0');
        }
    }

    /** Removes the passphrase agreed for {@code entry}'s contact. */
    public void remove(BookEntry entry) {
        Optional<PassphraseBook> book = book();
        if (book.isEmpty()) {
            show(SettingsText.PASSPHRASES_UNAVAILABLE);
            return;
        }
        background.execute(() -> {
            try {
                book.get().remove(entry.contact());
                done(SettingsText.PASSPHRASE_REMOVED, entry.contact().value());
            } catch (IOException e) {
                failed(e);
            }
        });
    }

    /** An address when it has a local part, else a domain ({@code @example.co.jp} too); empty when neither. */
    static Optional<Contact> contact(String typed) {
        String value = typed.strip();
        try {
            return Optional.of(value.indexOf('@') > 0 ? Contact.address(value) : Contact.domain(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private Optional<PassphraseBook> book() {
        return runner.gateway().map(gateway -> gateway.passphrases());
    }

    private void done(SettingsText message, String contact) {
        ui.execute(() -> {
            show(message, contact);
            refresh();
        });
    }

    private void failed(IOException e) {
        Localized reason = e instanceof PassphraseBookException book ? book::message
                : locale -> String.valueOf(e.getMessage());
        ui.execute(() -> show(SettingsText.PASSPHRASE_FAILED, reason));
    }

    private void show(TextKey key, Object... arguments) {
        status.unbind();
        status.bind(text.text(key, arguments));
    }

    private void showLocalized(Localized localized) {
        show(SettingsText.PASSPHRASE_FAILED_RULE, localized);
    }

    /** The entries, in the order they were first set. */
    public ObservableList<BookEntry> entries() {
        return entries;
    }

    /** Whether a running gateway's book can be edited. */
    public BooleanProperty availableProperty() {
        return available;
    }

    /** What the last change did, or why it was refused. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
