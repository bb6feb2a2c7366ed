package dev.hikyaku.smime.wizard;

import dev.hikyaku.smime.acme.AcmeOrder;
import dev.hikyaku.smime.catalogue.CaEntry;
import dev.hikyaku.smime.install.MailClient;
import dev.hikyaku.smime.text.Notice;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where the wizard stands, with what that step needs to show; saved after every change, so it resumes after a restart. */
public sealed interface WizardStep {

    /** Step 1: choose a CA (from the catalogue), a PKCS#12 already at hand, the company's CA, or ACME. */
    record ChoosePath() implements WizardStep {
    }

    /** Step 2 for CAs that sign a request: choose the key type (RSA 3072 by default) and make the key and request. */
    record MakeRequest(Account account, PathChoice path) implements WizardStep {
    }

    /**
     * Step 2 for an ACME CA: its terms of service, to agree to before an account is opened and the key, request and
     * order are made.
     *
     * @param termsOfService the terms the CA's directory names (empty when it names none)
     */
    record AcmeTerms(Account account, URI directory, Optional<URI> termsOfService) implements WizardStep {
    }

    /**
     * Step 2b for an ACME CA: the CA has mailed a challenge to the address; the user hands the wizard that mail
     * (dropped or pasted .eml) and the wizard sends the response through the user's mail route.
     *
     * @param request the request (PEM) made on this PC, sent to the CA once the challenge is passed
     */
    record AcmeChallenge(Account account, AcmeOrder order, String request) implements WizardStep {
    }

    /**
     * Step 2c for an ACME CA: the response is sent; the wizard asks the CA until it decides, then fetches the
     * certificate and goes on to step 3 by itself.
     *
     * @param since when the response was sent (how long the CA has taken so far)
     */
    record AcmeValidation(Account account, AcmeOrder order, String request, Instant since) implements WizardStep {
    }

    /**
     * Step 2 for CAs that hand out a PKCS#12 in the browser: the screens to expect there.
     *
     * @param ca    the CA
     * @param steps one notice per screen, in order
     */
    record FollowGuide(Account account, CaEntry ca, List<Notice> steps) implements WizardStep {
        /** Copies the list. */
        public FollowGuide {
            steps = List.copyOf(steps);
        }
    }

    /**
     * Step 3: import what the CA issued, checked against the S/MIME Baseline Requirements.
     *
     * @param request the request (PEM) to hand the CA when one was made; the certificate must match its key
     */
    record ImportCertificate(Account account, PathChoice path, Optional<String> request) implements WizardStep {
    }

    /**
     * Step 4: install the certificate into Thunderbird and/or Outlook (or skip).
     *
     * @param fingerprint the new identity's certificate fingerprint
     * @param done        the clients installed for (or prepared for) so far
     */
    record Install(Account account, String fingerprint, List<MailClient> done) implements WizardStep {
        /** Copies the list. */
        public Install {
            done = List.copyOf(done);
        }
    }

    /** Step 5: switch on signing (and encryption where possible) in the gateway. */
    record EnableSigning(Account account, String fingerprint) implements WizardStep {
    }

    /** Done: the settings the gateway will read. */
    record Finished(SmimeSettings settings) implements WizardStep {
    }
}
