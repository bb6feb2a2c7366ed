package dev.hikyaku.app.smime;

import dev.hikyaku.app.i18n.Localized;
import dev.hikyaku.gateway.Gateway;
import dev.hikyaku.smime.cms.SmimeVerifier;
import dev.hikyaku.smime.contacts.ContactCertificate;
import dev.hikyaku.smime.contacts.ContactCertificates;
import dev.hikyaku.smime.contacts.ContactStoreException;
import dev.hikyaku.smime.expiry.ExpiryWarning;
import dev.hikyaku.smime.expiry.ExpiryWarnings;
import dev.hikyaku.smime.identity.Identity;
import dev.hikyaku.smime.identity.IdentityStore;
import dev.hikyaku.smime.sources.SignedMailHarvester;
import dev.hikyaku.smime.sources.SourceReport;
import dev.hikyaku.smime.sources.files.FileImporter;
import dev.hikyaku.smime.text.Notice;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The certificate list's state: the user's own certificates with their history, the contacts' certificates, expiry
 * warnings, and what the last import or export came to. The stores are read on {@code background}.
 */
final class CertificateListModel {
    private final IdentityVault vault;
    private final Path contactsFile;
    private final SmimeEnvironment environment;
    private final Clock clock;
    private final Executor background;
    private final Executor ui;
    private final ObservableList<OwnCertificate> own = FXCollections.observableArrayList();
    private final ObservableList<ContactRow> contacts = FXCollections.observableArrayList();
    private final ObjectProperty<Optional<Localized>> status = new SimpleObjectProperty<>(this, "status", Optional.empty());
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");

    CertificateListModel(IdentityVault vault, Path dataDirectory, SmimeEnvironment environment, Clock clock,
                         Executor background, Executor ui) {
        this.vault = vault;
        this.contactsFile = dataDirectory.resolve(Gateway.CONTACTS_FILE);
        this.environment = environment;
        this.clock = clock;
        this.background = background;
        this.ui = ui;
    }

    /** Reads both stores again. */
    void refresh() {
        run(Optional.empty(), () -> Optional.empty());
    }

    /** Offers the dropped files (.cer, .pem, .p7s, .p7m, .eml) to the contacts' store, then shows the list again. */
    void importFiles(List<Path> files) {
        run(Optional.of(new OwnText(SmimeText.LIST_IMPORTING, files.size())), () -> {
            long added = 0;
            List<Localized> problems = new ArrayList<>();
            try (ContactCertificates store = openContacts()) {
                SignedMailHarvester harvester = new SignedMailHarvester(store,
                        new SmimeVerifier(environment.anchors(), environment.revocation(), clock));
                FileImporter importer = new FileImporter(store, harvester, clock);
                for (Path file : files) {
                    SourceReport report = importer.importFile(file);
                    added += report.added();
                    for (Notice problem : report.problems()) {
                        problems.add(new NoticeText(problem));
                    }
                }
            }
            List<Localized> shown = new ArrayList<>();
            shown.add(new OwnText(SmimeText.LIST_IMPORTED, added, files.size()));
            shown.addAll(problems);
            return Optional.of(new Lines(shown));
        });
    }

    /** Writes the certificate (public part only, DER) to the file, for a contact to import. */
    void export(OwnCertificate certificate, Path target) {
        run(Optional.empty(), () -> {
            try {
                Files.write(target, certificate.identity().credential().certificate().getEncoded());
                return Optional.of(new OwnText(SmimeText.LIST_EXPORTED, target.toString()));
            } catch (IOException | CertificateEncodingException e) {
                return Optional.of(new OwnText(SmimeText.LIST_EXPORT_FAILED, target.toString()));
            }
        });
    }

    ObservableList<OwnCertificate> own() {
        return own;
    }

    ObservableList<ContactRow> contacts() {
        return contacts;
    }

    ReadOnlyObjectProperty<Optional<Localized>> statusProperty() {
        return status;
    }

    ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    /** The user's certificates, newest first, each with its place in the history and its expiry warning. */
    static List<OwnCertificate> ownRows(IdentityStore store, Clock clock) {
        Instant now = clock.instant();
        List<ExpiryWarning> warnings = new ExpiryWarnings(clock).own(store);
        List<OwnCertificate> rows = new ArrayList<>();
        for (Identity identity : store.all()) {
            OwnCertificate.State state;
            if (identity.certificate().notAfter().isBefore(now)) {
                state = OwnCertificate.State.EXPIRED;
            } else if (identity.addresses().stream().anyMatch(address -> store.signing(address)
                    .map(signing -> signing.fingerprint().equals(identity.fingerprint())).orElse(false))) {
                state = OwnCertificate.State.CURRENT;
            } else {
                state = OwnCertificate.State.RENEWED;
            }
            Optional<ExpiryWarning> warning = warnings.stream()
                    .filter(candidate -> candidate.certificate().equals(identity.credential().certificate())).findFirst();
            rows.add(new OwnCertificate(identity, state, warning));
        }
        return rows;
    }

    /** Every contact certificate, by address, with whether it is the last usable one and ends soon. */
    static List<ContactRow> contactRows(ContactCertificates store, Clock clock) throws ContactStoreException {
        Instant now = clock.instant();
        List<ExpiryWarning> warnings = new ExpiryWarnings(clock).contacts(store);
        List<ContactRow> rows = new ArrayList<>();
        for (String address : store.addresses()) {
            for (ContactCertificate certificate : store.all(address)) {
                boolean expiring = warnings.stream().anyMatch(warning -> warning.address().equalsIgnoreCase(address)
                        && warning.certificate().equals(certificate.certificate()));
                rows.add(new ContactRow(address, certificate, certificate.usableAt(now), expiring));
            }
        }
        return rows;
    }

    private ContactCertificates openContacts() throws ContactStoreException {
        return ContactCertificates.open(contactsFile, environment.anchors(), clock);
    }

    /** Runs the work, then reads both stores; the work's message (or the store's problem) becomes the status. */
    private void run(Optional<Localized> meanwhile, Work work) {
        busy.set(true);
        meanwhile.ifPresent(message -> status.set(Optional.of(message)));
        background.execute(() -> {
            Optional<Localized> message;
            List<ContactRow> contactRows = List.of();
            try {
                message = work.run();
                try (ContactCertificates store = openContacts()) {
                    contactRows = contactRows(store, clock);
                }
            } catch (ContactStoreException e) {
                message = Optional.of(new NoticeText(e.notice()));
            }
            List<OwnCertificate> ownRows = vault.store().map(store -> ownRows(store, clock)).orElse(List.of());
            Optional<Localized> shown = message;
            List<ContactRow> shownContacts = contactRows;
            ui.execute(() -> {
                own.setAll(ownRows);
                contacts.setAll(shownContacts);
                if (shown.isPresent() || meanwhile.isPresent()) {
                    status.set(shown);
                }
                busy.set(false);
            });
        });
    }

    /** Work on the stores that ends in a message for the user. */
    @FunctionalInterface
    private interface Work {
        Optional<Localized> run() throws ContactStoreException;
    }

    /** Several texts shown one per line. */
    private record Lines(List<Localized> lines) implements Localized {
        @Override
        public String in(java.util.Locale locale) {
            return String.join("\n", lines.stream().map(line -> line.in(locale)).toList());
        }
    }
}
