package dev.hikyaku.smime.baseline;

import dev.hikyaku.testworld.ca.RequestedSmimeSpec;
import dev.hikyaku.testworld.ca.Validity;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.util.function.BiFunction;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * One way a CA can get a mailbox certificate wrong, planted on its own: what the fixture CA changes in its
 * Baseline-conforming spec, on which key, and which check must catch it (and nothing else).
 */
public enum Defect {
    AUTHORITY(BaselineCheck.AUTHORITY, Severity.ERROR, Key.RSA, (spec, clock) -> spec.asAuthority()),
    EKU_ABSENT(BaselineCheck.EKU_ABSENT, Severity.ERROR, Key.RSA, (spec, clock) -> spec.withExtendedKeyUsages()),
    EKU_NO_EMAIL(BaselineCheck.EKU_NO_EMAIL, Severity.ERROR, Key.RSA,
            (spec, clock) -> spec.withExtendedKeyUsages("1.3.6.1.5.5.7.3.2")),
    EKU_SERVER_AUTH(BaselineCheck.EKU_FORBIDDEN, Severity.ERROR, Key.RSA,
            (spec, clock) -> spec.withExtendedKeyUsages(RequestedSmimeSpec.EMAIL_PROTECTION, RequestedSmimeSpec.SERVER_AUTH)),
    EKU_CODE_SIGNING(BaselineCheck.EKU_FORBIDDEN, Severity.ERROR, Key.RSA,
            (spec, clock) -> spec.withExtendedKeyUsages(RequestedSmimeSpec.EMAIL_PROTECTION, RequestedSmimeSpec.CODE_SIGNING)),
    EKU_ANY(BaselineCheck.EKU_FORBIDDEN, Severity.ERROR, Key.RSA,
            (spec, clock) -> spec.withExtendedKeyUsages(RequestedSmimeSpec.EMAIL_PROTECTION, "2.5.29.37.0")),
    KEY_USAGE_ABSENT(BaselineCheck.KEY_USAGE_ABSENT, Severity.ERROR, Key.RSA, (spec, clock) -> spec.withKeyUsage(-1)),
    RSA_CANNOT_SIGN(BaselineCheck.KEY_USAGE_CANNOT_SIGN, Severity.ERROR, Key.RSA,
            (spec, clock) -> spec.withKeyUsage(KeyUsage.keyEncipherment)),
    RSA_CANNOT_ENCRYPT(BaselineCheck.KEY_USAGE_CANNOT_ENCRYPT, Severity.WARNING, Key.RSA,
            (spec, clock) -> spec.withKeyUsage(KeyUsage.digitalSignature)),
    EC_CANNOT_ENCRYPT(BaselineCheck.KEY_USAGE_CANNOT_ENCRYPT, Severity.WARNING, Key.EC,
            (spec, clock) -> spec.withKeyUsage(KeyUsage.digitalSignature)),
    KEY_CERT_SIGN(BaselineCheck.KEY_USAGE_FORBIDDEN, Severity.ERROR, Key.RSA,
            (spec, clock) -> spec.withKeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment | KeyUsage.keyCertSign)),
    EC_KEY_ENCIPHERMENT(BaselineCheck.KEY_USAGE_FORBIDDEN, Severity.ERROR, Key.EC,
            (spec, clock) -> spec.withKeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement | KeyUsage.keyEncipherment)),
    SAN_ABSENT(BaselineCheck.SAN_ABSENT, Severity.ERROR, Key.RSA, (spec, clock) -> spec.withSanEmails()),
    SAN_OTHER_ADDRESS(BaselineCheck.SAN_OTHER_ADDRESS, Severity.ERROR, Key.RSA,
            (spec, clock) -> spec.withSanEmails("someone.else@example.test")),
    POLICY_ABSENT(BaselineCheck.POLICY_ABSENT, Severity.ERROR, Key.RSA, (spec, clock) -> spec.withPolicies()),
    VALIDITY_TOO_LONG(BaselineCheck.VALIDITY_TOO_LONG, Severity.ERROR, Key.RSA,
            (spec, clock) -> spec.withValidity(Validity.current(clock, Duration.ofDays(826)))),
    NOT_YET_VALID(BaselineCheck.NOT_YET_VALID, Severity.ERROR, Key.RSA,
            (spec, clock) -> spec.withValidity(Validity.notYetValid(clock))),
    EXPIRED(BaselineCheck.EXPIRED, Severity.ERROR, Key.RSA, (spec, clock) -> spec.withValidity(Validity.expired(clock))),
    CHAIN_UNTRUSTED(BaselineCheck.CHAIN_UNTRUSTED, Severity.ERROR, Key.RSA, (spec, clock) -> spec),
    RSA_1024(BaselineCheck.RSA_TOO_SHORT, Severity.ERROR, Key.RSA_1024, (spec, clock) -> spec),
    SECP256K1(BaselineCheck.CURVE_NOT_ALLOWED, Severity.ERROR, Key.SECP256K1, (spec, clock) -> spec),
    ED25519(BaselineCheck.KEY_ALGORITHM, Severity.ERROR, Key.ED25519, (spec, clock) -> spec);

    private final BaselineCheck check;
    private final Severity severity;
    private final Key key;
    private final BiFunction<RequestedSmimeSpec, Clock, RequestedSmimeSpec> change;

    Defect(BaselineCheck check, Severity severity, Key key, BiFunction<RequestedSmimeSpec, Clock, RequestedSmimeSpec> change) {
        this.check = check;
        this.severity = severity;
        this.key = key;
        this.change = change;
    }

    /** The check that must catch it. */
    public BaselineCheck check() {
        return check;
    }

    /** How much it matters. */
    public Severity severity() {
        return severity;
    }

    /** The Baseline-conforming spec with the defect planted. */
    public RequestedSmimeSpec apply(RequestedSmimeSpec spec, Clock clock) {
        return change.apply(spec, clock);
    }

    /** Whether the certificate comes from a CA nobody trusts. */
    public boolean untrustedIssuer() {
        return this == CHAIN_UNTRUSTED;
    }

    /** Whether a key of this kind can come out of the wizard's own request (RSA 2048, EC P-256). */
    public boolean requestable() {
        return key == Key.RSA || key == Key.EC;
    }

    /** Whether the defect's key is an EC P-256 key. */
    public boolean ec() {
        return key == Key.EC;
    }

    /** A fresh key of the defect's kind. */
    public KeyPair keyPair() {
        return key.generate();
    }

    private enum Key {
        RSA, EC, RSA_1024, SECP256K1, ED25519;

        KeyPair generate() {
            try {
                return switch (this) {
                    case RSA -> generator("RSA", 2048);
                    case RSA_1024 -> generator("RSA", 1024);
                    case EC -> {
                        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
                        generator.initialize(new ECGenParameterSpec("secp256r1"));
                        yield generator.generateKeyPair();
                    }
                    case SECP256K1 -> {
                        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", new BouncyCastleProvider());
                        generator.initialize(new ECGenParameterSpec("secp256k1"));
                        yield generator.generateKeyPair();
                    }
                    case ED25519 -> KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
                };
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        private static KeyPair generator(String algorithm, int bits) throws GeneralSecurityException {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            generator.initialize(bits);
            return generator.generateKeyPair();
        }
    }
}
