package dev.hikyaku.smime.wizard;

import dev.hikyaku.smime.identity.Pkcs12Format;
import dev.hikyaku.smime.request.KeyAlgorithm;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/** What the user gives a step; each step accepts only its own kinds. */
public sealed interface WizardInput {

    /**
     * For {@link WizardStep.ChoosePath}: the address and the way to a certificate.
     *
     * @param displayName the name for the certificate request (blank: the address)
     */
    record Choose(String address, String displayName, PathChoice path) implements WizardInput {
        /** Checks that nothing is missing. */
        public Choose {
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(displayName, "displayName");
            Objects.requireNonNull(path, "path");
        }
    }

    /** For {@link WizardStep.MakeRequest}: make the key and request. */
    record Generate(KeyAlgorithm algorithm) implements WizardInput {
        /** Checks that the algorithm is given. */
        public Generate {
            Objects.requireNonNull(algorithm, "algorithm");
        }
    }

    /** For {@link WizardStep.MakeRequest}: the CA hands out a PKCS#12 after all; go on to import it. */
    record TakePkcs12Instead() implements WizardInput {
    }

    /** For {@link WizardStep.AcmeTerms}: the user agrees to the CA's terms; make the key (this type) and order. */
    record AgreeToTerms(KeyAlgorithm algorithm) implements WizardInput {
        /** Checks that the algorithm is given. */
        public AgreeToTerms {
            Objects.requireNonNull(algorithm, "algorithm");
        }
    }

    /** For {@link WizardStep.AcmeChallenge}: the CA's challenge mail as received (.eml). */
    record ChallengeMessage(byte[] content) implements WizardInput {
        /** Copies the bytes. */
        public ChallengeMessage {
            content = content.clone();
        }
    }

    /** For {@link WizardStep.AcmeValidation}: ask the CA whether it has decided (the app asks every few seconds). */
    record Poll() implements WizardInput {
    }

    /** For {@link WizardStep.FollowGuide}: the user has the file from the CA. */
    record GuideDone() implements WizardInput {
    }

    /** For {@link WizardStep.ImportCertificate}: the certificate (and chain) the CA issued for the request. */
    record CertificateFile(byte[] content) implements WizardInput {
        /** Copies the bytes. */
        public CertificateFile {
            content = content.clone();
        }
    }

    /**
     * For {@link WizardStep.ImportCertificate}: a PKCS#12 file and its password (wiped by the wizard after use).
     */
    record Pkcs12File(byte[] content, char[] password) implements WizardInput {
        /** Copies the bytes. */
        public Pkcs12File {
            content = content.clone();
            Objects.requireNonNull(password, "password");
        }

        @Override
        public String toString() {
            return "Pkcs12File[" + content.length + " bytes]";
        }
    }

    /**
     * For {@link WizardStep.Install}: import into a Thunderbird profile (or, without NSS's tools, write a file
     * into the export folder with the steps).
     *
     * @param nssPassword the profile's primary password, when it has one
     */
    record InstallThunderbird(Path profile, Optional<char[]> nssPassword, Path exportFolder) implements WizardInput {
        /** Checks that nothing is missing. */
        public InstallThunderbird {
            Objects.requireNonNull(profile, "profile");
            Objects.requireNonNull(nssPassword, "nssPassword");
            Objects.requireNonNull(exportFolder, "exportFolder");
        }
    }

    /** For {@link WizardStep.Install}: write a .pfx for Outlook into the folder, with the script and steps. */
    record PrepareOutlook(Path folder, Pkcs12Format format) implements WizardInput {
        /** Checks that nothing is missing. */
        public PrepareOutlook {
            Objects.requireNonNull(folder, "folder");
            Objects.requireNonNull(format, "format");
        }
    }

    /** For {@link WizardStep.Install}: installing is done (or skipped). */
    record InstallDone() implements WizardInput {
    }

    /**
     * For {@link WizardStep.EnableSigning}: what the gateway does with outgoing mail.
     *
     * @param signOutgoing        sign every outgoing message (the default)
     * @param encryptWhenPossible encrypt to recipients whose certificates are known (the default)
     */
    record Enable(boolean signOutgoing, boolean encryptWhenPossible) implements WizardInput {
    }
}
