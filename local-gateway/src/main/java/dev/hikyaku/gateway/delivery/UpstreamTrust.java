package dev.hikyaku.gateway.delivery;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** Builds the TLS context that judges the upstream server's certificate: the system's CAs plus the user's own. */
public final class UpstreamTrust {

    private UpstreamTrust() {
    }

    /** A context trusting the CAs the JDK trusts by default. */
    public static SSLContext systemCas() {
        return systemCasPlus(List.of());
    }

    /** A context trusting the JDK's default CAs and the given extra CA (or self-signed server) certificates. */
    public static SSLContext systemCasPlus(Collection<X509Certificate> extra) {
        try {
            KeyStore anchors = KeyStore.getInstance("PKCS12");
            anchors.load(null, null);
            int number = 0;
            for (X509Certificate system : defaultTrustManager().getAcceptedIssuers()) {
                anchors.setCertificateEntry("system-" + number++, system);
            }
            for (X509Certificate added : extra) {
                anchors.setCertificateEntry("user-" + number++, added);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(anchors);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build the upstream TLS trust", e);
        }
    }

    private static X509TrustManager defaultTrustManager() throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("the JDK offered no X509TrustManager");
    }
}
