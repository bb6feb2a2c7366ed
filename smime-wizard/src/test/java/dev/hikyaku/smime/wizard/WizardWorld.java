package dev.hikyaku.smime.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.smime.acme.AcmeClient;
import dev.hikyaku.smime.acme.ResponseSender;
import dev.hikyaku.smime.catalogue.CaCatalogue;
import dev.hikyaku.smime.identity.IdentityStore;
import dev.hikyaku.smime.identity.StorePassword;
import dev.hikyaku.smime.install.NssTools;
import dev.hikyaku.smime.install.OutlookGuide;
import dev.hikyaku.smime.install.ThunderbirdInstaller;
import dev.hikyaku.smime.request.CertificateRequestFactory;
import dev.hikyaku.testworld.ca.FixtureCa;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;

/** A data folder, an identity store, a fixture CA and NSS's real tools: what the wizard's tests drive it with. */
final class WizardWorld {
    static final StorePassword STORE_PASSWORD = () -> "store secret".toCharArray();
    static final Duration ACME_PATIENCE = Duration.ofMinutes(30);

    final Clock clock;
    final FixtureCa ca;
    final Path data;
    final Path exports;
    private final Path root;

    WizardWorld(Path root, Clock clock) throws IOException {
        this.root = root;
        this.clock = clock;
        this.ca = FixtureCa.create(clock);
        this.data = Files.createDirectories(root.resolve("data"));
        this.exports = Files.createDirectories(root.resolve("exports"));
    }

    /** The NSS tools on this machine; the tests need them (run-tests installs libnss3-tools). */
    static NssTools nss() {
        return NssTools.find(System.getenv("PATH")).orElseThrow(() -> new AssertionError(
                "pk12util and certutil are needed: install Debian's libnss3-tools (./run-tests does)"));
    }

    WizardSetup setup(Optional<NssTools> tools) throws Exception {
        return setup(tools, (from, recipients, message) -> {
            throw new java.io.IOException("no mail route in this test");
        });
    }

    /** A setup whose ACME response mails go out through the sender. */
    WizardSetup setup(Optional<NssTools> tools, ResponseSender responses) throws Exception {
        SecureRandom random = new SecureRandom();
        IdentityStore identities = IdentityStore.open(data.resolve("identities.p12"), STORE_PASSWORD, clock, random, 2_000);
        return new WizardSetup(data, identities, STORE_PASSWORD, Set.of(new TrustAnchor(ca.root(), null)),
                CaCatalogue.bundled(), new CertificateRequestFactory(random),
                new ThunderbirdInstaller(tools, random, Duration.ofSeconds(60)), new OutlookGuide(random), clock, random, 2_000,
                new AcmeClient(Duration.ofSeconds(20)), responses, ACME_PATIENCE);
    }

    /** The public key in a request the wizard made. */
    static PublicKey requestedKey(String pem) throws Exception {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            return new JcaPKCS10CertificationRequest((PKCS10CertificationRequest) parser.readObject()).getPublicKey();
        }
    }

    /** Certificates as the CA hands them out: PEM, leaf first. */
    static byte[] pem(List<X509Certificate> chain) throws Exception {
        StringBuilder text = new StringBuilder();
        for (X509Certificate certificate : chain) {
            text.append("-----BEGIN CERTIFICATE-----\n")
                    .append(Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(certificate.getEncoded()))
                    .append("\n-----END CERTIFICATE-----\n");
        }
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** A PKCS#12 file as a CA hands it out in the browser. */
    static byte[] pkcs12(KeyPair key, List<X509Certificate> chain, char[] password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("issued", key.getPrivate(), password, chain.toArray(Certificate[]::new));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.store(out, password);
        return out.toByteArray();
    }

    /** A fresh NSS database as Thunderbird makes one, optionally with a primary password. */
    Path nssDatabase(String name, Optional<String> password) throws Exception {
        Path profile = Files.createDirectories(root.resolve(name));
        List<String> command = new ArrayList<>(List.of(nss().certutil().toString(), "-N", "-d", "sql:" + profile));
        if (password.isPresent()) {
            Path file = Files.writeString(root.resolve(name + ".pw"), password.get());
            command.addAll(List.of("-f", file.toString()));
        } else {
            command.add("--empty-password");
        }
        assertEquals(0, run(command), "certutil -N");
        assertTrue(Files.exists(profile.resolve("cert9.db")));
        return profile;
    }

    /** What {@code certutil -L} lists for the profile. */
    String listed(Path profile) throws Exception {
        Path out = root.resolve("certutil.out");
        Process process = new ProcessBuilder(nss().certutil().toString(), "-L", "-d", "sql:" + profile)
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        return Files.readString(out);
    }

    private int run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        return process.exitValue();
    }
}
