package dev.hikyaku.gateway.harvest;

import dev.hikyaku.gateway.events.GatewayEvent;
import dev.hikyaku.gateway.events.GatewayListener;
import dev.hikyaku.gateway.queue.QueuedMessage;
import dev.hikyaku.gateway.spool.Spool;
import dev.hikyaku.smime.contacts.ContactCertificate;
import dev.hikyaku.smime.contacts.ContactCertificates;
import dev.hikyaku.smime.contacts.ContactStoreException;
import dev.hikyaku.smime.contacts.OfferOutcome;
import dev.hikyaku.smime.sources.SignedMailHarvester;
import dev.hikyaku.smime.sources.SourceReport;
import dev.hikyaku.smime.text.Notice;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.SharedFileInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Keeps the certificates of signed mail passing through the gateway (a mail client that signs by itself, a forwarded
 * signed message), so the next message to those signers can be encrypted. Runs off the submission path, after the
 * client has its 250; what goes wrong becomes a {@link GatewayEvent.Problem}, and mail is never held for it.
 */
public final class PassingSignatures {
    private final Spool spool;
    private final SignedMailHarvester harvester;
    private final ContactCertificates contacts;
    private final GatewayListener events;
    private final Executor executor;

    /** Harvesting with {@code harvester} into {@code contacts}, on {@code executor}. */
    public PassingSignatures(Spool spool, SignedMailHarvester harvester, ContactCertificates contacts,
                             GatewayListener events, Executor executor) {
        this.spool = spool;
        this.harvester = harvester;
        this.contacts = contacts;
        this.events = events;
        this.executor = executor;
    }

    /** Looks at {@code message} later, on the executor. */
    public void later(QueuedMessage message) {
        if (message.notice()) {
            return;
        }
        try {
            executor.execute(() -> harvest(message.id()));
        } catch (RejectedExecutionException e) {
            // The gateway is stopping: nothing is lost but a certificate seen again next time.
        }
    }

    private void harvest(String id) {
        Path file = spool.path(id);
        if (!Files.isRegularFile(file)) {
            // Already sent and retired: too late to read it, and harvesting never holds mail back.
            return;
        }
        Session session = Session.getInstance(new Properties());
        SourceReport report;
        try (SharedFileInputStream in = new SharedFileInputStream(file.toFile())) {
            report = harvester.harvest(id, new MimeMessage(session, in));
        } catch (IOException | MessagingException | ContactStoreException | RuntimeException e) {
            events.on(new GatewayEvent.Problem("harvest", String.valueOf(e.getMessage())));
            return;
        }
        for (Notice problem : report.problems()) {
            if (!problem.key().equals("sources.notSigned")) {
                events.on(new GatewayEvent.Problem("harvest", problem.text(Locale.ENGLISH)));
            }
        }
        for (OfferOutcome outcome : report.offered()) {
            if (outcome.result() == OfferOutcome.Result.ADDED && outcome.fingerprint().isPresent()) {
                events.on(new GatewayEvent.CertificateHarvested(id, address(outcome.fingerprint().get())));
            }
        }
    }

    private String address(String fingerprint) {
        try {
            for (String address : contacts.addresses()) {
                for (ContactCertificate held : contacts.all(address)) {
                    if (held.mail().fingerprint().equalsIgnoreCase(fingerprint)) {
                        return address;
                    }
                }
            }
        } catch (ContactStoreException e) {
            // The address is only for the event; the certificate is stored all the same.
        }
        return "";
    }
}
