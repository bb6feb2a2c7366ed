package dev.hikyaku.app.smime;

import dev.hikyaku.advisor.certificate.TrustedCas;
import dev.hikyaku.smime.catalogue.CaCatalogue;
import dev.hikyaku.smime.install.NssTools;
import dev.hikyaku.smime.install.ThunderbirdProfiles;
import dev.hikyaku.smime.revocation.RevocationChecker;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.TrustAnchor;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * What the S/MIME screens work with beyond {@code AppServices}, injected so tests use a fixture CA, few PBKDF2
 * rounds and a temporary export folder.
 *
 * @param anchors            the roots a public CA's certificate (and a contact's) must chain to
 * @param catalogue          the CAs offered in the first step
 * @param nss                NSS's tools for importing into Thunderbird, when installed
 * @param thunderbirdProfiles finds the user's Thunderbird profiles (each with a {@code cert9.db})
 * @param exportFolder       where the files for Outlook or a manual Thunderbird import go by default
 * @param revocation         how signed files dropped on the list are checked for revocation
 * @param random             key material and one-time passwords
 * @param keyIterations      PBKDF2 rounds for the store and the pending key (600,000 in use)
 */
public record SmimeEnvironment(Set<TrustAnchor> anchors, CaCatalogue catalogue, Optional<NssTools> nss,
                               Supplier<List<Path>> thunderbirdProfiles, Path exportFolder, RevocationChecker revocation,
                               SecureRandom random, int keyIterations) {
    /** PBKDF2 rounds of the modern PKCS#12 protection, as the engine uses them. */
    public static final int FULL_ITERATIONS = 600_000;

    /** Checks that nothing is missing and copies the anchors. */
    public SmimeEnvironment {
        anchors = Set.copyOf(anchors);
        Objects.requireNonNull(catalogue, "catalogue");
        Objects.requireNonNull(nss, "nss");
        Objects.requireNonNull(thunderbirdProfiles, "thunderbirdProfiles");
        Objects.requireNonNull(exportFolder, "exportFolder");
        Objects.requireNonNull(revocation, "revocation");
        Objects.requireNonNull(random, "random");
    }

    /** The user's machine: the system's roots, the shipped catalogue, NSS from the PATH, profiles under the home folder. */
    public static SmimeEnvironment forUser() {
        Path home = Path.of(System.getProperty("user.home"));
        String appData = System.getenv("APPDATA");
        Path roaming = appData == null ? home : Path.of(appData);
        Set<TrustAnchor> anchors = TrustedCas.systemPlus(List.of()).certificates().stream()
                .map(root -> new TrustAnchor(root, null)).collect(Collectors.toSet());
        return new SmimeEnvironment(anchors, CaCatalogue.bundled(),
                NssTools.find(Optional.ofNullable(System.getenv("PATH")).orElse("")),
                () -> ThunderbirdProfiles.find(home, roaming, System.getProperty("os.name")),
                home.resolve("Documents"), RevocationChecker.offline(), new SecureRandom(), FULL_ITERATIONS);
    }
}
