package dev.hikyaku.smime.wizard;

import dev.hikyaku.smime.acme.AcmeOrder;
import dev.hikyaku.smime.catalogue.CaCatalogue;
import dev.hikyaku.smime.catalogue.CaEntry;
import dev.hikyaku.smime.certificate.CertificateBundle;
import dev.hikyaku.smime.install.MailClient;
import dev.hikyaku.smime.request.EmailAddress;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

/**
 * The wizard's step as a properties file in the data folder, written whole through a temporary file and a rename
 * after every change. It holds the address, the path chosen, the request (public), an ACME order's URLs and the new
 * certificate's fingerprint; never a key or a password (the pending key and the ACME account key have files of their
 * own, encrypted).
 */
final class WizardStateFile {
    private final Path file;
    private final CaCatalogue catalogue;

    WizardStateFile(Path file, CaCatalogue catalogue) {
        this.file = file;
        this.catalogue = catalogue;
    }

    /** The saved step; the first step when nothing (or nothing readable) was saved. */
    WizardStep read() {
        Properties state = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            state.load(in);
            return decode(state);
        } catch (NoSuchFileException e) {
            return new WizardStep.ChoosePath();
        } catch (IOException | RuntimeException e) {
            // A damaged state file means starting over; nothing in it is precious (the keys live elsewhere).
            return new WizardStep.ChoosePath();
        }
    }

    void write(WizardStep step) throws IOException {
        Properties state = encode(step);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName().toString(), ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                state.store(out, "Hikyaku S/MIME wizard: where it stands");
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    void delete() throws IOException {
        Files.deleteIfExists(file);
    }

    private static Properties encode(WizardStep step) {
        Properties state = new Properties();
        if (step instanceof WizardStep.ChoosePath) {
            state.setProperty("step", "choose-path");
        } else if (step instanceof WizardStep.MakeRequest request) {
            state.setProperty("step", "make-request");
            account(state, request.account());
            path(state, request.path());
        } else if (step instanceof WizardStep.AcmeTerms terms) {
            state.setProperty("step", "acme-terms");
            account(state, terms.account());
            state.setProperty("acme.directory", terms.directory().toString());
            terms.termsOfService().ifPresent(uri -> state.setProperty("acme.terms", uri.toString()));
        } else if (step instanceof WizardStep.AcmeChallenge challenge) {
            state.setProperty("step", "acme-challenge");
            account(state, challenge.account());
            order(state, challenge.order());
            state.setProperty("request", challenge.request());
        } else if (step instanceof WizardStep.AcmeValidation validation) {
            state.setProperty("step", "acme-validation");
            account(state, validation.account());
            order(state, validation.order());
            state.setProperty("request", validation.request());
            state.setProperty("acme.since", validation.since().toString());
        } else if (step instanceof WizardStep.FollowGuide guide) {
            state.setProperty("step", "follow-guide");
            account(state, guide.account());
            state.setProperty("path", "public");
            state.setProperty("path.ca", guide.ca().id());
        } else if (step instanceof WizardStep.ImportCertificate importing) {
            state.setProperty("step", "import");
            account(state, importing.account());
            path(state, importing.path());
            importing.request().ifPresent(pem -> state.setProperty("request", pem));
        } else if (step instanceof WizardStep.Install install) {
            state.setProperty("step", "install");
            account(state, install.account());
            state.setProperty("fingerprint", install.fingerprint());
            state.setProperty("installed", String.join(",", install.done().stream().map(Enum::name).toList()));
        } else if (step instanceof WizardStep.EnableSigning enable) {
            state.setProperty("step", "enable-signing");
            account(state, enable.account());
            state.setProperty("fingerprint", enable.fingerprint());
        } else if (step instanceof WizardStep.Finished finished) {
            state.setProperty("step", "finished");
            state.setProperty("address", finished.settings().address());
            state.setProperty("fingerprint", finished.settings().identity());
            state.setProperty("sign", Boolean.toString(finished.settings().signOutgoing()));
            state.setProperty("encrypt", Boolean.toString(finished.settings().encryptWhenPossible()));
        }
        return state;
    }

    private WizardStep decode(Properties state) {
        String step = required(state, "step");
        return switch (step) {
            case "choose-path" -> new WizardStep.ChoosePath();
            case "make-request" -> new WizardStep.MakeRequest(account(state), path(state));
            case "acme-terms" -> new WizardStep.AcmeTerms(account(state), URI.create(required(state, "acme.directory")),
                    Optional.ofNullable(state.getProperty("acme.terms")).map(URI::create));
            case "acme-challenge" -> new WizardStep.AcmeChallenge(account(state), order(state), required(state, "request"));
            case "acme-validation" -> new WizardStep.AcmeValidation(account(state), order(state), required(state, "request"),
                    Instant.parse(required(state, "acme.since")));
            case "follow-guide" -> {
                Account account = account(state);
                CaEntry ca = catalogue.find(required(state, "path.ca")).orElseThrow();
                yield new WizardStep.FollowGuide(account, ca, ca.guide(account.address().toString()));
            }
            case "import" -> new WizardStep.ImportCertificate(account(state), path(state),
                    Optional.ofNullable(state.getProperty("request")));
            case "install" -> new WizardStep.Install(account(state), required(state, "fingerprint"),
                    Arrays.stream(state.getProperty("installed", "").split(",")).filter(name -> !name.isBlank())
                            .map(MailClient::valueOf).toList());
            case "enable-signing" -> new WizardStep.EnableSigning(account(state), required(state, "fingerprint"));
            case "finished" -> new WizardStep.Finished(new SmimeSettings(required(state, "address"),
                    required(state, "fingerprint"), Boolean.parseBoolean(state.getProperty("sign")),
                    Boolean.parseBoolean(state.getProperty("encrypt"))));
            default -> throw new IllegalArgumentException("unknown step " + step);
        };
    }

    private static void account(Properties state, Account account) {
        state.setProperty("address", account.address().toString());
        account.displayName().ifPresent(name -> state.setProperty("displayName", name));
    }

    private static Account account(Properties state) {
        return new Account(EmailAddress.parse(required(state, "address")), Optional.ofNullable(state.getProperty("displayName")));
    }

    private static void order(Properties state, AcmeOrder order) {
        state.setProperty("acme.directory", order.directory().toString());
        state.setProperty("acme.account", order.account().toString());
        state.setProperty("acme.order", order.order().toString());
        state.setProperty("acme.challenge", order.challenge().toString());
        state.setProperty("acme.challengeSender", order.expectedSender());
    }

    private static AcmeOrder order(Properties state) {
        return new AcmeOrder(URI.create(required(state, "acme.directory")), URI.create(required(state, "acme.account")),
                URI.create(required(state, "acme.order")), URI.create(required(state, "acme.challenge")),
                required(state, "acme.challengeSender"));
    }

    private static void path(Properties state, PathChoice path) {
        if (path instanceof PathChoice.PublicCa ca) {
            state.setProperty("path", "public");
            state.setProperty("path.ca", ca.caId());
        } else if (path instanceof PathChoice.ExistingPkcs12) {
            state.setProperty("path", "pkcs12");
        } else if (path instanceof PathChoice.CompanyCa company) {
            state.setProperty("path", "company");
            state.setProperty("path.company", company.name());
            state.setProperty("path.roots", pem(company.roots()));
        } else if (path instanceof PathChoice.Acme acme) {
            state.setProperty("path", "acme");
            state.setProperty("path.directory", acme.directory().toString());
        } else {
            throw new IllegalArgumentException("never a saved path: " + path);
        }
    }

    private static PathChoice path(Properties state) {
        String path = required(state, "path");
        return switch (path) {
            case "public" -> new PathChoice.PublicCa(required(state, "path.ca"));
            case "pkcs12" -> new PathChoice.ExistingPkcs12();
            case "company" -> new PathChoice.CompanyCa(required(state, "path.company"), roots(state.getProperty("path.roots", "")));
            case "acme" -> new PathChoice.Acme(URI.create(required(state, "path.directory")));
            default -> throw new IllegalArgumentException("unknown path " + path);
        };
    }

    private static List<X509Certificate> roots(String pem) {
        if (pem.isBlank()) {
            return List.of();
        }
        return new ArrayList<>(CertificateBundle.read(pem.getBytes(StandardCharsets.US_ASCII)).certificates());
    }

    private static String pem(List<X509Certificate> certificates) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            for (X509Certificate certificate : certificates) {
                writer.writeObject(certificate);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing PEM to memory cannot fail", e);
        }
        return text.toString();
    }

    private static String required(Properties state, String key) {
        String value = state.getProperty(key);
        if (value == null) {
            throw new IllegalArgumentException("the wizard state lacks " + key);
        }
        return value;
    }
}
