package dev.hikyaku.advisor.certificate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** The CAs this process trusts for MX and MTA-STS certificates: the JDK's list plus any the user added. */
public record TrustedCas(List<X509Certificate> certificates) {

    /** Copies the list. */
    public TrustedCas {
        certificates = List.copyOf(certificates);
    }

    /** The JDK's CAs plus {@code extra} (e.g. a company CA). */
    public static TrustedCas systemPlus(Collection<X509Certificate> extra) {
        List<X509Certificate> all = new ArrayList<>(Arrays.asList(system()));
        all.addAll(extra);
        return new TrustedCas(all);
    }

    /** Reads every certificate of a PEM (or DER) file. */
    public static List<X509Certificate> readFile(Path file) throws IOException, CertificateException {
        try (InputStream in = Files.newInputStream(file)) {
            Collection<? extends Certificate> read = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (read.isEmpty()) {
                throw new CertificateException("no certificate in " + file);
            }
            return read.stream().map(X509Certificate.class::cast).toList();
        }
    }

    /** A TLS context that trusts exactly these CAs, for the MTA-STS policy fetch. */
    public SSLContext sslContext() {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            for (int i = 0; i < certificates.size(); i++) {
                store.setCertificateEntry("ca-" + i, certificates.get(i));
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("a trust store in memory cannot fail to build", e);
        }
    }

    private static X509Certificate[] system() {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init((KeyStore) null);
            for (var manager : factory.getTrustManagers()) {
                if (manager instanceof X509TrustManager x509) {
                    return x509.getAcceptedIssuers();
                }
            }
            return new X509Certificate[0];
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK's default trust store cannot be read", e);
        }
    }
}
