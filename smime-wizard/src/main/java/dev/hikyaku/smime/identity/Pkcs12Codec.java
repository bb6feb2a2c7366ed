package dev.hikyaku.smime.identity;

import dev.hikyaku.smime.certificate.MailCertificate;
import dev.hikyaku.smime.cms.Credential;
import dev.hikyaku.smime.text.Notice;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERBMPString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.pkcs.PKCS12PfxPdu;
import org.bouncycastle.pkcs.PKCS12PfxPduBuilder;
import org.bouncycastle.pkcs.PKCS12SafeBag;
import org.bouncycastle.pkcs.PKCS12SafeBagBuilder;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS12SafeBagBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCS12MacCalculatorBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEOutputEncryptorBuilder;

/**
 * Reads and writes PKCS#12 files. Writing uses Bouncy Castle's builders so that every algorithm is named here, not
 * taken from JVM-wide security properties; reading uses the JDK's key store, which opens the AES files this class
 * writes as well as the 3DES and RC2 files old Windows and CAs hand out.
 */
final class Pkcs12Codec {
    /** PBKDF2 rounds for files Hikyaku keeps or exports in the modern format. */
    static final int MODERN_ITERATIONS = 600_000;
    private static final int LEGACY_ITERATIONS = 2_048;
    private static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();

    private final SecureRandom random;
    private final int modernIterations;

    Pkcs12Codec(SecureRandom random, int modernIterations) {
        this.random = random;
        this.modernIterations = modernIterations;
    }

    /** Writes the credentials, each key with its whole chain, protected by the password in the given format. */
    void write(List<Credential> credentials, Pkcs12Format format, char[] password, OutputStream out)
            throws IdentityStoreException {
        try {
            OutputEncryptor encryptor = encryptor(format, password);
            List<PKCS12SafeBag> certificateBags = new ArrayList<>();
            List<PKCS12SafeBag> keyBags = new ArrayList<>();
            Map<String, X509Certificate> written = new LinkedHashMap<>();
            for (Credential credential : credentials) {
                DEROctetString keyId = new DEROctetString(MessageDigest.getInstance("SHA-1")
                        .digest(credential.certificate().getPublicKey().getEncoded()));
                DERBMPString name = new DERBMPString(friendlyName(credential.certificate()));
                for (X509Certificate certificate : credential.chain()) {
                    boolean leaf = certificate.equals(credential.certificate());
                    String serial = certificate.getIssuerX500Principal().getName() + "#" + certificate.getSerialNumber();
                    if (!leaf && written.containsKey(serial)) {
                        continue;
                    }
                    written.put(serial, certificate);
                    PKCS12SafeBagBuilder bag = new JcaPKCS12SafeBagBuilder(certificate);
                    if (leaf) {
                        bag.addBagAttribute(PKCS12SafeBag.friendlyNameAttribute, name);
                        bag.addBagAttribute(PKCS12SafeBag.localKeyIdAttribute, keyId);
                    }
                    certificateBags.add(bag.build());
                }
                PKCS12SafeBagBuilder key = new JcaPKCS12SafeBagBuilder(credential.privateKey(), encryptor);
                key.addBagAttribute(PKCS12SafeBag.friendlyNameAttribute, name);
                key.addBagAttribute(PKCS12SafeBag.localKeyIdAttribute, keyId);
                keyBags.add(key.build());
            }
            PKCS12PfxPduBuilder builder = new PKCS12PfxPduBuilder();
            builder.addEncryptedData(encryptor, certificateBags.toArray(PKCS12SafeBag[]::new));
            for (PKCS12SafeBag keyBag : keyBags) {
                builder.addData(keyBag);
            }
            PKCS12PfxPdu pfx = builder.build(mac(format), password);
            out.write(pfx.getEncoded());
        } catch (GeneralSecurityException | OperatorCreationException | PKCSException | IOException e) {
            throw new IdentityStoreException(Notice.of("pkcs12.writeFailed"), e);
        }
    }

    /** Every key entry of a PKCS#12 file with its chain; certificates without a key are ignored. */
    static List<Credential> read(InputStream in, char[] password) throws IdentityStoreException {
        KeyStore store;
        try {
            store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
        } catch (IOException e) {
            // The JDK reports a wrong password as an IOException caused by UnrecoverableKeyException.
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new IdentityStoreException(Notice.of("pkcs12.wrongPassword"), e);
            }
            throw new IdentityStoreException(Notice.of("pkcs12.unreadable"), e);
        } catch (GeneralSecurityException e) {
            throw new IdentityStoreException(Notice.of("pkcs12.unreadable"), e);
        }
        List<Credential> credentials = new ArrayList<>();
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (!store.isKeyEntry(alias)) {
                    continue;
                }
                Key key = store.getKey(alias, password);
                Certificate[] chain = store.getCertificateChain(alias);
                if (key instanceof PrivateKey privateKey && chain != null && chain.length > 0) {
                    List<X509Certificate> certificates = new ArrayList<>();
                    for (Certificate certificate : chain) {
                        certificates.add((X509Certificate) certificate);
                    }
                    credentials.add(new Credential(privateKey, certificates));
                }
            }
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IdentityStoreException(Notice.of("pkcs12.unreadable"), e);
        }
        return credentials;
    }

    private OutputEncryptor encryptor(Pkcs12Format format, char[] password) throws OperatorCreationException {
        if (format == Pkcs12Format.LEGACY) {
            return new JcePKCSPBEOutputEncryptorBuilder(PKCSObjectIdentifiers.pbeWithSHAAnd3_KeyTripleDES_CBC)
                    .setProvider(BOUNCY_CASTLE).setRandom(random).setIterationCount(LEGACY_ITERATIONS).build(password);
        }
        return new JcePKCSPBEOutputEncryptorBuilder(NISTObjectIdentifiers.id_aes256_CBC)
                .setPRF(new AlgorithmIdentifier(PKCSObjectIdentifiers.id_hmacWithSHA256, DERNull.INSTANCE))
                .setProvider(BOUNCY_CASTLE).setRandom(random).setIterationCount(modernIterations).build(password);
    }

    private JcePKCS12MacCalculatorBuilder mac(Pkcs12Format format) {
        ASN1ObjectIdentifier digest = format == Pkcs12Format.LEGACY ? OIWObjectIdentifiers.idSHA1 : NISTObjectIdentifiers.id_sha256;
        return new JcePKCS12MacCalculatorBuilder(digest)
                .setProvider(BOUNCY_CASTLE)
                .setIterationCount(format == Pkcs12Format.LEGACY ? LEGACY_ITERATIONS : modernIterations);
    }

    // Unique per certificate: the JDK names key entries by friendly name and keeps only one of two that collide,
    // and every key of one address would otherwise share its address as name.
    static String friendlyName(X509Certificate certificate) {
        MailCertificate mail = new MailCertificate(certificate);
        List<String> addresses = mail.addresses();
        String owner = addresses.isEmpty() ? mail.displayName() : addresses.get(0);
        return owner + " (" + LocalDate.ofInstant(mail.notBefore(), ZoneOffset.UTC) + ", " + mail.fingerprint().substring(0, 8) + ")";
    }
}
