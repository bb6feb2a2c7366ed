package dev.hikyaku.smime.wizard;

import dev.hikyaku.smime.acme.AcmeClient;
import dev.hikyaku.smime.acme.ResponseSender;
import dev.hikyaku.smime.catalogue.CaCatalogue;
import dev.hikyaku.smime.identity.IdentityStore;
import dev.hikyaku.smime.identity.StorePassword;
import dev.hikyaku.smime.install.OutlookGuide;
import dev.hikyaku.smime.install.ThunderbirdInstaller;
import dev.hikyaku.smime.request.CertificateRequestFactory;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.TrustAnchor;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * What the wizard works with, injected so that tests point it at a fixture CA, a temporary folder and a fixed clock.
 *
 * @param dataDirectory where the wizard keeps its state, the pending key and {@code smime.conf}
 * @param identities    where the new identity goes
 * @param keyPassword   protects the pending key at rest (the identity store's password)
 * @param anchors       the roots a public CA's certificate must chain to
 * @param catalogue     the CAs offered in the first step
 * @param requests      makes keys and requests
 * @param thunderbird   installs into Thunderbird
 * @param outlook       prepares Outlook's import
 * @param keyIterations PBKDF2 rounds for the pending key (600,000 in use; tests take fewer)
 * @param acme          talks to ACME CAs
 * @param responses     sends ACME response mails through the user's mail route (the app: Hikyaku's gateway)
 * @param acmePatience  how long the wizard waits for an ACME CA to accept a response before it says so
 */
public record WizardSetup(Path dataDirectory, IdentityStore identities, StorePassword keyPassword, Set<TrustAnchor> anchors,
                          CaCatalogue catalogue, CertificateRequestFactory requests, ThunderbirdInstaller thunderbird,
                          OutlookGuide outlook, Clock clock, SecureRandom random, int keyIterations,
                          AcmeClient acme, ResponseSender responses, Duration acmePatience) {

    /** Checks that nothing is missing and copies the anchors. */
    public WizardSetup {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(identities, "identities");
        Objects.requireNonNull(keyPassword, "keyPassword");
        anchors = Set.copyOf(anchors);
        Objects.requireNonNull(catalogue, "catalogue");
        Objects.requireNonNull(requests, "requests");
        Objects.requireNonNull(thunderbird, "thunderbird");
        Objects.requireNonNull(outlook, "outlook");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(acme, "acme");
        Objects.requireNonNull(responses, "responses");
        Objects.requireNonNull(acmePatience, "acmePatience");
    }
}
