package dev.hikyaku.smime.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;

/**
 * The public CAs the wizard offers for getting a certificate, read from {@code ca-catalogue.properties} beside this
 * class: what each verifies, costs and how it issues, dated ("as of") and with unknowns marked. ACME for S/MIME
 * (RFC 8823) works for any CA's ACME directory URL the user enters (a company CA, say); none of the listed public CAs
 * offered it when the list was checked, and {@link #acmeOffered()} says so. An entry with issuance {@code acme} names
 * its {@code acmeDirectory}.
 */
public final class CaCatalogue {
    private static final String RESOURCE = "ca-catalogue.properties";

    private final String asOf;
    private final List<CaEntry> entries;

    private CaCatalogue(String asOf, List<CaEntry> entries) {
        this.asOf = asOf;
        this.entries = List.copyOf(entries);
    }

    /** The catalogue shipped with Hikyaku. */
    public static CaCatalogue bundled() {
        try (InputStream in = CaCatalogue.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the build");
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return parse(properties);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CaCatalogue parse(Properties properties) {
        List<CaEntry> entries = new ArrayList<>();
        for (String id : required(properties, "ids").split(",")) {
            String key = id.strip();
            String validity = properties.getProperty(key + ".validityDays");
            entries.add(new CaEntry(key, required(properties, key + ".name"),
                    Validation.valueOf(constant(required(properties, key + ".validation"))),
                    Cost.valueOf(constant(required(properties, key + ".cost"))),
                    Issuance.valueOf(constant(required(properties, key + ".issuance"))),
                    validity == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(validity.strip())),
                    required(properties, key + ".website"),
                    Integer.parseInt(required(properties, key + ".guideSteps")),
                    Optional.ofNullable(properties.getProperty(key + ".acmeDirectory")).map(String::strip).map(URI::create)));
        }
        return new CaCatalogue(required(properties, "asOf"), entries);
    }

    /** When the facts were last checked (year and month). */
    public String asOf() {
        return asOf;
    }

    /** The CAs, in the order to show them. */
    public List<CaEntry> entries() {
        return entries;
    }

    /** The CA with the id. */
    public Optional<CaEntry> find(String id) {
        return entries.stream().filter(entry -> entry.id().equals(id)).findFirst();
    }

    /** Whether any listed public CA offers ACME for S/MIME; none did when the catalogue was last checked. */
    public boolean acmeOffered() {
        return entries.stream().anyMatch(entry -> entry.issuance() == Issuance.ACME);
    }

    private static String required(Properties properties, String key) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(RESOURCE + " lacks " + key);
        }
        return value.strip();
    }

    private static String constant(String value) {
        return value.toUpperCase(Locale.ROOT).replace('-', '_');
    }
}
