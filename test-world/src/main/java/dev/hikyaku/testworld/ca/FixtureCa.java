package dev.hikyaku.testworld.ca;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;

/**
 * A throw-away certificate authority for tests: a self-signed root, an intermediate below it, and server
 * and S/MIME certificates issued on demand. Each instance has its own keys, so two CAs never trust each
 * other's certificates.
 */
public final class FixtureCa {

    private static final Duration CA_LIFETIME = Duration.ofDays(3650);
    private static final Duration SERVER_LIFETIME = Duration.ofDays(90);
    private static final Duration SMIME_LIFETIME = Duration.ofDays(365);
    private static final char[] NO_PASSWORD = new char[0];

    private final Clock clock;
    private final CertificateMinter minter;
    private final KeyPairCache leafKeys;
    private final X509Certificate root;
    private final Authority rootAuthority;
    private final X509Certificate intermediate;
    private final Authority intermediateAuthority;

    private FixtureCa(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        SecureRandom random = new SecureRandom();
        this.minter = new CertificateMinter(random);
        this.leafKeys = new KeyPairCache(random);
        // EC keys for the CA itself: generated in a millisecond, so every CA instance can afford its own.
        String tag = HexFormat.of().formatHex(random.generateSeed(4));
        Validity caValidity = new Validity(clock.instant().minus(Duration.ofDays(1)), clock.instant().plus(CA_LIFETIME));
        KeyPair rootKeys = KeyType.EC_P256.generate(random);
        X500Name rootName = new X500Name("CN=Hikyaku Fixture Root " + tag + ",O=Hikyaku Test World");
        this.root = minter.mint(rootName, rootKeys.getPublic(), caValidity, new Authority(rootName, rootKeys),
                caExtensions(1));
        this.rootAuthority = Authority.of(root, rootKeys);
        KeyPair intermediateKeys = KeyType.EC_P256.generate(random);
        X500Name intermediateName = new X500Name("CN=Hikyaku Fixture Intermediate " + tag + ",O=Hikyaku Test World");
        this.intermediate = minter.mint(intermediateName, intermediateKeys.getPublic(), caValidity, rootAuthority,
                caExtensions(0));
        this.intermediateAuthority = Authority.of(intermediate, intermediateKeys);
    }

    /** A new CA living on the system clock. */
    public static FixtureCa create() {
        return create(Clock.systemUTC());
    }

    /** A new CA whose default validity windows are measured from the given clock. */
    public static FixtureCa create(Clock clock) {
        return new FixtureCa(clock);
    }

    /** The clock the default validity windows come from. */
    public Clock clock() {
        return clock;
    }

    /** The self-signed root certificate (CA:true). */
    public X509Certificate root() {
        return root;
    }

    /** The intermediate certificate, signed by the root (CA:true, pathLen 0). */
    public X509Certificate intermediate() {
        return intermediate;
    }

    /** A spec for a valid RSA 2048 server certificate for the names, signed by the root; adjust it and {@link #issue} it. */
    public ServerCertificateSpec serverSpec(String... names) {
        return new ServerCertificateSpec(List.of(names), Validity.current(clock, SERVER_LIFETIME), KeyType.RSA_2048,
                Signer.ROOT);
    }

    /** A valid RSA 2048 server certificate for the names, signed by the root. */
    public Issued server(String... names) {
        return issue(serverSpec(names));
    }

    /** A server certificate as the spec says: SAN names, serverAuth EKU, CA:false. */
    public Issued issue(ServerCertificateSpec spec) {
        KeyPair keys = leafKeys.get(spec.keyType());
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, spec.names().get(0)).build();
        List<Extension> extensions = new ArrayList<>();
        extensions.add(CertificateMinter.extension(Extension.basicConstraints, true, new BasicConstraints(false)));
        int usage = spec.keyType().isRsa() ? KeyUsage.digitalSignature | KeyUsage.keyEncipherment : KeyUsage.digitalSignature;
        extensions.add(CertificateMinter.extension(Extension.keyUsage, true, new KeyUsage(usage)));
        extensions.add(CertificateMinter.extension(Extension.extendedKeyUsage, false,
                new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth)));
        extensions.add(CertificateMinter.extension(Extension.subjectAlternativeName, false, serverNames(spec.names())));
        return switch (spec.signer()) {
            case ROOT -> new Issued(keys.getPrivate(),
                    List.of(minter.mint(subject, keys.getPublic(), spec.validity(), rootAuthority, extensions)));
            case INTERMEDIATE -> new Issued(keys.getPrivate(), List.of(
                    minter.mint(subject, keys.getPublic(), spec.validity(), intermediateAuthority, extensions),
                    intermediate));
            case SELF_SIGNED -> new Issued(keys.getPrivate(), List.of(
                    minter.mint(subject, keys.getPublic(), spec.validity(), new Authority(subject, keys), extensions)));
        };
    }

    /** A spec for a valid RSA 2048 S/MIME certificate for the address, signed by the root; adjust it and {@link #issue} it. */
    public SmimeCertificateSpec smimeSpec(String email) {
        return new SmimeCertificateSpec(email, Validity.current(clock, SMIME_LIFETIME), KeyType.RSA_2048, Signer.ROOT,
                false);
    }

    /** A valid RSA 2048 S/MIME certificate for the address, signed by the root. */
    public Issued smime(String email) {
        return issue(smimeSpec(email));
    }

    /** An S/MIME certificate: SAN rfc822Name, emailProtection EKU, signing (and, for RSA, key encipherment) usage. */
    public Issued smime(String email, KeyType keyType, Validity validity) {
        return issue(smimeSpec(email).withKeyType(keyType).withValidity(validity));
    }

    /**
     * An S/MIME certificate as the spec says: SAN rfc822Name, subject emailAddress, emailProtection EKU, CA:false,
     * digitalSignature plus keyEncipherment (RSA) or keyAgreement (EC).
     */
    public Issued issue(SmimeCertificateSpec spec) {
        return issue(spec, RevocationPointers.NONE);
    }

    /** An S/MIME certificate as {@link #issue(SmimeCertificateSpec)} makes it, naming where its revocation is told. */
    public Issued issue(SmimeCertificateSpec spec, RevocationPointers pointers) {
        KeyPair keys = spec.freshKey() ? spec.keyType().generate(new SecureRandom()) : leafKeys.get(spec.keyType());
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.CN, spec.email()).addRDN(BCStyle.EmailAddress, spec.email()).build();
        int usage = spec.keyType().isRsa() ? KeyUsage.digitalSignature | KeyUsage.keyEncipherment
                : KeyUsage.digitalSignature | KeyUsage.keyAgreement;
        List<Extension> extensions = new ArrayList<>(List.of(
                CertificateMinter.extension(Extension.basicConstraints, true, new BasicConstraints(false)),
                CertificateMinter.extension(Extension.keyUsage, true, new KeyUsage(usage)),
                CertificateMinter.extension(Extension.extendedKeyUsage, false,
                        new ExtendedKeyUsage(KeyPurposeId.id_kp_emailProtection)),
                CertificateMinter.extension(Extension.subjectAlternativeName, false,
                        new GeneralNames(new GeneralName(GeneralName.rfc822Name, spec.email())))));
        extensions.addAll(pointers.extensions());
        return switch (spec.signer()) {
            case ROOT -> new Issued(keys.getPrivate(),
                    List.of(minter.mint(subject, keys.getPublic(), spec.validity(), rootAuthority, extensions)));
            case INTERMEDIATE -> new Issued(keys.getPrivate(), List.of(
                    minter.mint(subject, keys.getPublic(), spec.validity(), intermediateAuthority, extensions),
                    intermediate));
            case SELF_SIGNED -> new Issued(keys.getPrivate(), List.of(
                    minter.mint(subject, keys.getPublic(), spec.validity(), new Authority(subject, keys), extensions)));
        };
    }

    /**
     * The key and certificate of one of the CA's authorities, to sign CRLs and OCSP answers as that authority does.
     *
     * @param signer ROOT or INTERMEDIATE
     */
    public Issued authority(Signer signer) {
        return switch (signer) {
            case ROOT -> new Issued(rootAuthority.keys().getPrivate(), List.of(root));
            case INTERMEDIATE -> new Issued(intermediateAuthority.keys().getPrivate(), List.of(intermediate));
            case SELF_SIGNED -> throw new IllegalArgumentException("a self-signed certificate has no authority here");
        };
    }

    /**
     * A delegated OCSP responder certificate (RFC 6960 4.2.2.2): issued by the authority, id-kp-OCSPSigning, and
     * id-pkix-ocsp-nocheck so that nobody asks about the responder itself; valid as the CA's S/MIME certificates are.
     *
     * @param signer ROOT or INTERMEDIATE, the authority whose certificates the responder answers for
     */
    public Issued ocspResponder(Signer signer) {
        Issued authority = authority(signer);
        KeyPair keys = KeyType.EC_P256.generate(new SecureRandom());
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, "Hikyaku Fixture OCSP Responder")
                .addRDN(BCStyle.O, "Hikyaku Test World").build();
        List<Extension> extensions = List.of(
                CertificateMinter.extension(Extension.basicConstraints, true, new BasicConstraints(false)),
                CertificateMinter.extension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature)),
                CertificateMinter.extension(Extension.extendedKeyUsage, false,
                        new ExtendedKeyUsage(KeyPurposeId.id_kp_OCSPSigning)),
                CertificateMinter.extension(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck, false, DERNull.INSTANCE));
        Authority by = signer == Signer.ROOT ? rootAuthority : intermediateAuthority;
        return new Issued(keys.getPrivate(), List.of(
                minter.mint(subject, keys.getPublic(), Validity.current(clock, SMIME_LIFETIME), by, extensions),
                authority.certificate()));
    }

    /**
     * A spec for a certificate on a key the requester holds, as a public CA issues it under the S/MIME Baseline
     * Requirements: signed by the intermediate, 365 days, emailProtection only, digitalSignature plus keyEncipherment
     * (RSA) or keyAgreement (EC), the address in SAN, the mailbox-validated strict policy.
     */
    public RequestedSmimeSpec requestedSpec(String email, PublicKey key) {
        int usage = key.getAlgorithm().equals("RSA") ? KeyUsage.digitalSignature | KeyUsage.keyEncipherment
                : KeyUsage.digitalSignature | KeyUsage.keyAgreement;
        return new RequestedSmimeSpec(email, List.of(email), Validity.current(clock, SMIME_LIFETIME),
                List.of(RequestedSmimeSpec.EMAIL_PROTECTION), usage, List.of(RequestedSmimeSpec.MAILBOX_STRICT),
                Signer.INTERMEDIATE, false);
    }

    /** Signs the key (from a request) as the spec says; returns the leaf, then the intermediate when it signed. */
    public List<X509Certificate> issue(PublicKey key, RequestedSmimeSpec spec) {
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.CN, spec.email()).addRDN(BCStyle.EmailAddress, spec.email()).build();
        List<Extension> extensions = new ArrayList<>();
        extensions.add(CertificateMinter.extension(Extension.basicConstraints, true, new BasicConstraints(spec.authority())));
        if (spec.keyUsage() >= 0) {
            extensions.add(CertificateMinter.extension(Extension.keyUsage, true, new KeyUsage(spec.keyUsage())));
        }
        if (!spec.extendedKeyUsages().isEmpty()) {
            KeyPurposeId[] purposes = spec.extendedKeyUsages().stream()
                    .map(oid -> KeyPurposeId.getInstance(new ASN1ObjectIdentifier(oid))).toArray(KeyPurposeId[]::new);
            extensions.add(CertificateMinter.extension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purposes)));
        }
        if (!spec.sanEmails().isEmpty()) {
            GeneralName[] names = spec.sanEmails().stream()
                    .map(address -> new GeneralName(GeneralName.rfc822Name, address)).toArray(GeneralName[]::new);
            extensions.add(CertificateMinter.extension(Extension.subjectAlternativeName, false, new GeneralNames(names)));
        }
        if (!spec.policies().isEmpty()) {
            PolicyInformation[] policies = spec.policies().stream()
                    .map(oid -> new PolicyInformation(new ASN1ObjectIdentifier(oid))).toArray(PolicyInformation[]::new);
            extensions.add(CertificateMinter.extension(Extension.certificatePolicies, false, new CertificatePolicies(policies)));
        }
        return spec.signer() == Signer.ROOT
                ? List.of(minter.mint(subject, key, spec.validity(), rootAuthority, extensions))
                : List.of(minter.mint(subject, key, spec.validity(), intermediateAuthority, extensions), intermediate);
    }

    /** The root certificate as PEM text. */
    public String rootPem() {
        return Pem.certificates(List.of(root));
    }

    /** An in-memory trust store that holds only this CA's root. */
    public KeyStore trustStore() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("fixture-root", root);
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build a trust store", e);
        }
    }

    /** Writes the trust store (only this CA's root) as a PKCS#12 file and returns the file. */
    public Path writeTrustStore(Path file, char[] password) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            trustStore().store(out, password);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot write a trust store to " + file, e);
        }
        return file;
    }

    /** A PKIX trust manager that trusts only this CA's root (and what it issued). */
    public X509TrustManager trustManager() {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
            factory.init(trustStore());
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509TrustManager x509) {
                    return x509;
                }
            }
            throw new IllegalStateException("the JDK offered no X509TrustManager");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build a trust manager", e);
        }
    }

    /** A fresh TLS context for a client that trusts only this CA. */
    public SSLContext clientContext() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trustManager()}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build a client TLS context", e);
        }
    }

    private static List<Extension> caExtensions(int pathLength) {
        return List.of(
                CertificateMinter.extension(Extension.basicConstraints, true, new BasicConstraints(pathLength)),
                CertificateMinter.extension(Extension.keyUsage, true,
                        new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature)));
    }

    private static GeneralNames serverNames(List<String> names) {
        GeneralName[] general = new GeneralName[names.size()];
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            general[i] = isIpLiteral(name) ? new GeneralName(GeneralName.iPAddress, name)
                    : new GeneralName(GeneralName.dNSName, name);
        }
        return new GeneralNames(general);
    }

    // Tests connect to 127.0.0.1, and some clients check the connected address against the certificate.
    private static boolean isIpLiteral(String name) {
        return name.matches("[0-9.]+") || name.contains(":");
    }
}
