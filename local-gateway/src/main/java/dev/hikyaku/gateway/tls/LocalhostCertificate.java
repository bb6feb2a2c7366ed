package dev.hikyaku.gateway.tls;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.Locale;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The listener's own certificate for {@code localhost}, made on first start and kept in the data folder. It is
 * self-signed and never installed anywhere by us: the user trusts it in the mail client after checking the
 * fingerprint the app shows. The key file is readable by its owner only; it needs no password because it
 * guards only loopback traffic, and a password stored beside it would protect nothing.
 *
 * @param certificate the certificate
 * @param key         its private key
 * @param createdNow  whether this start made it
 */
public record LocalhostCertificate(X509Certificate certificate, PrivateKey key, boolean createdNow) {
    private static final String CERT_FILE = "localhost-cert.pem";
    private static final String KEY_FILE = "localhost-key.pem";
    private static final Duration LIFETIME = Duration.ofDays(825);
    private static final Duration RENEW_BEFORE = Duration.ofDays(30);

    /** Loads the certificate from {@code folder}, or makes a new one when there is none or it is about to expire. */
    public static LocalhostCertificate loadOrCreate(Path folder, Clock clock) throws IOException {
        Path certFile = folder.resolve(CERT_FILE);
        Path keyFile = folder.resolve(KEY_FILE);
        if (Files.isRegularFile(certFile) && Files.isRegularFile(keyFile)) {
            LocalhostCertificate loaded = load(certFile, keyFile);
            if (loaded.certificate.getNotAfter().toInstant().isAfter(clock.instant().plus(RENEW_BEFORE))) {
                return loaded;
            }
        }
        return create(folder, certFile, keyFile, clock);
    }

    /** The SHA-256 fingerprint as the mail clients show it: upper-case hex pairs joined by colons. */
    public String fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** A server-side TLS context presenting this certificate. */
    public SSLContext serverContext() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            char[] transientPassword = new char[0];
            store.setKeyEntry("localhost", key, transientPassword, new X509Certificate[] {certificate});
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, transientPassword);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, new SecureRandom());
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build the listener's TLS context: " + e.getMessage(), e);
        }
    }

    private static LocalhostCertificate load(Path certFile, Path keyFile) throws IOException {
        try (PEMParser certs = new PEMParser(new StringReader(Files.readString(certFile, StandardCharsets.US_ASCII)));
             PEMParser keys = new PEMParser(new StringReader(Files.readString(keyFile, StandardCharsets.US_ASCII)))) {
            Object cert = certs.readObject();
            Object key = keys.readObject();
            if (!(cert instanceof X509CertificateHolder holder)) {
                throw new IOException(certFile + " holds no certificate");
            }
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            PrivateKey privateKey;
            if (key instanceof PEMKeyPair pair) {
                privateKey = converter.getPrivateKey(pair.getPrivateKeyInfo());
            } else if (key instanceof PrivateKeyInfo info) {
                privateKey = converter.getPrivateKey(info);
            } else {
                throw new IOException(keyFile + " holds no private key");
            }
            return new LocalhostCertificate(new JcaX509CertificateConverter().getCertificate(holder), privateKey, false);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read the listener certificate in " + certFile.getParent() + ": "
                    + e.getMessage(), e);
        }
    }

    private static LocalhostCertificate create(Path folder, Path certFile, Path keyFile, Clock clock) throws IOException {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
            KeyPair pair = generator.generateKeyPair();
            Instant now = clock.instant();
            X500Name name = new X500Name("CN=localhost, O=Hikyaku local gateway");
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
                    new BigInteger(128, new SecureRandom()), Date.from(now.minus(Duration.ofMinutes(5))),
                    Date.from(now.plus(LIFETIME)), name, pair.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                    .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                        new GeneralName(GeneralName.dNSName, "localhost"),
                        new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                        new GeneralName(GeneralName.iPAddress, "::1")}));
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
            Files.createDirectories(folder);
            writeOwnerOnly(keyFile, pem(new JcaPKCS8Generator(pair.getPrivate(), null)));
            Files.writeString(certFile, pem(certificate), StandardCharsets.US_ASCII);
            return new LocalhostCertificate(certificate, pair.getPrivate(), true);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IOException("cannot make the listener certificate: " + e.getMessage(), e);
        }
    }

    private static String pem(Object object) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        }
        return text.toString();
    }

    private static void writeOwnerOnly(Path file, String content) throws IOException {
        Files.deleteIfExists(file);
        boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
        try {
            if (posix) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException e) {
            throw new IOException("another process is writing " + file, e);
        }
        Files.writeString(file, content, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "LocalhostCertificate[sha256=%s]", fingerprint());
    }
}
