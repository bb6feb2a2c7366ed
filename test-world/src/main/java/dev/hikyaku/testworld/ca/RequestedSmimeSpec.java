package dev.hikyaku.testworld.ca;

import java.util.List;
import java.util.Objects;

/**
 * What the fixture CA puts into an S/MIME certificate for a key someone else holds (a request made by the code under
 * test). {@link FixtureCa#requestedSpec} gives one that follows the CA/Browser Forum S/MIME Baseline Requirements
 * (mailbox-validated, strict); each {@code with...} method plants one defect, so every check of a validator can be
 * shown failing on its own.
 *
 * @param email             the subject's emailAddress and CN
 * @param sanEmails         the SAN rfc822Name entries (empty: no SAN extension)
 * @param validity          the validity window
 * @param extendedKeyUsages extended key usage OIDs (empty: no extension)
 * @param keyUsage          Bouncy Castle {@code KeyUsage} bits, or -1 for no extension
 * @param policies          certificate policy OIDs (empty: no extension)
 * @param signer            ROOT or INTERMEDIATE (a request cannot be self-signed by the CA)
 * @param authority         whether basicConstraints says CA:true
 */
public record RequestedSmimeSpec(String email, List<String> sanEmails, Validity validity, List<String> extendedKeyUsages,
                                 int keyUsage, List<String> policies, Signer signer, boolean authority) {
    /** id-kp-emailProtection. */
    public static final String EMAIL_PROTECTION = "1.3.6.1.5.5.7.3.4";
    /** id-kp-serverAuth. */
    public static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    /** id-kp-codeSigning. */
    public static final String CODE_SIGNING = "1.3.6.1.5.5.7.3.3";
    /** The S/MIME BR mailbox-validated strict policy. */
    public static final String MAILBOX_STRICT = "2.23.140.1.5.1.3";

    /** Copies the lists and checks the signer. */
    public RequestedSmimeSpec {
        Objects.requireNonNull(email, "email");
        sanEmails = List.copyOf(sanEmails);
        Objects.requireNonNull(validity, "validity");
        extendedKeyUsages = List.copyOf(extendedKeyUsages);
        policies = List.copyOf(policies);
        if (signer == Signer.SELF_SIGNED) {
            throw new IllegalArgumentException("the CA does not hold the requester's private key");
        }
    }

    /** Other SAN addresses (none at all with an empty list). */
    public RequestedSmimeSpec withSanEmails(String... others) {
        return new RequestedSmimeSpec(email, List.of(others), validity, extendedKeyUsages, keyUsage, policies, signer, authority);
    }

    /** Another validity window. */
    public RequestedSmimeSpec withValidity(Validity other) {
        return new RequestedSmimeSpec(email, sanEmails, other, extendedKeyUsages, keyUsage, policies, signer, authority);
    }

    /** Other extended key usages (no extension at all with none). */
    public RequestedSmimeSpec withExtendedKeyUsages(String... oids) {
        return new RequestedSmimeSpec(email, sanEmails, validity, List.of(oids), keyUsage, policies, signer, authority);
    }

    /** Other key usage bits ({@code org.bouncycastle.asn1.x509.KeyUsage} constants), or -1 for none. */
    public RequestedSmimeSpec withKeyUsage(int bits) {
        return new RequestedSmimeSpec(email, sanEmails, validity, extendedKeyUsages, bits, policies, signer, authority);
    }

    /** Other certificate policies (no extension at all with none). */
    public RequestedSmimeSpec withPolicies(String... oids) {
        return new RequestedSmimeSpec(email, sanEmails, validity, extendedKeyUsages, keyUsage, List.of(oids), signer, authority);
    }

    /** Signed by the other fixture authority. */
    public RequestedSmimeSpec withSigner(Signer other) {
        return new RequestedSmimeSpec(email, sanEmails, validity, extendedKeyUsages, keyUsage, policies, other, authority);
    }

    /** A CA certificate (CA:true), which a person's certificate must never be. */
    public RequestedSmimeSpec asAuthority() {
        return new RequestedSmimeSpec(email, sanEmails, validity, extendedKeyUsages, keyUsage, policies, signer, true);
    }
}
