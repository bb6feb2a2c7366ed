package dev.hikyaku.smime.catalogue;

import dev.hikyaku.smime.text.Notice;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One public CA in the catalogue.
 *
 * @param id           the stable name used in the wizard's saved state and the bundle keys
 * @param name         the CA and product name (a proper name, the same in every language)
 * @param validation   what it checks
 * @param cost         what it costs
 * @param issuance     how it hands the certificate out
 * @param validityDays how long its certificates are valid, when known
 * @param website      where to start
 * @param guideSteps   how many step-by-step screens the guide has (for {@link Issuance#PKCS12_BY_BROWSER})
 * @param acmeDirectory the CA's ACME directory URL (for {@link Issuance#ACME}, where it is required)
 */
public record CaEntry(String id, String name, Validation validation, Cost cost, Issuance issuance,
                      OptionalInt validityDays, String website, int guideSteps, Optional<URI> acmeDirectory) {

    /** Checks that nothing is missing. */
    public CaEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(validation, "validation");
        Objects.requireNonNull(cost, "cost");
        Objects.requireNonNull(issuance, "issuance");
        Objects.requireNonNull(validityDays, "validityDays");
        Objects.requireNonNull(website, "website");
        Objects.requireNonNull(acmeDirectory, "acmeDirectory");
        if (issuance == Issuance.ACME && acmeDirectory.isEmpty()) {
            throw new IllegalArgumentException(id + " issues by ACME but names no directory URL");
        }
    }

    /** What the CA verifies and what it costs, in a sentence or two for the choice screen. */
    public Notice summary() {
        return Notice.of("catalogue." + id + ".summary");
    }

    /** The screens to expect at the CA, one notice each, with the address filled in. */
    public List<Notice> guide(String address) {
        List<Notice> steps = new ArrayList<>();
        for (int step = 1; step <= guideSteps; step++) {
            steps.add(Notice.of("guide." + id + "." + step, address, website));
        }
        return steps;
    }
}
