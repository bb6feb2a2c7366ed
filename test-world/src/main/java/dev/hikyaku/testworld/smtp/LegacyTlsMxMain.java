package dev.hikyaku.testworld.smtp;

import dev.hikyaku.testworld.ca.Issued;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Arrays;

/**
 * The entry point of the child JVM behind {@link LegacyTlsMx}: arguments are the PKCS#12 file, the
 * bind address and the port; the password comes in an environment variable. Prints the port when
 * ready and stops when its stdin closes.
 */
public final class LegacyTlsMxMain {

    private LegacyTlsMxMain() {
    }

    /** Runs the legacy MX until stdin closes. */
    public static void main(String[] args) throws IOException, GeneralSecurityException {
        Issued certificate = load(Path.of(args[0]), System.getenv(LegacyTlsMx.PASSWORD_VARIABLE).toCharArray());
        InetSocketAddress bind = new InetSocketAddress(InetAddress.getByName(args[1]), Integer.parseInt(args[2]));
        MxBehaviour legacy = new MxBehaviour.StartTls(certificate, LegacyTlsMx.PROTOCOLS, false);
        try (MxServer server = MxServer.start(legacy, bind)) {
            System.out.println(LegacyTlsMx.READY_PREFIX + server.address().getPort());
            System.out.flush();
            InputStream in = System.in;
            while (in.read() >= 0) {
                // The parent never writes; end of stream is its signal to stop.
            }
        }
    }

    private static Issued load(Path file, char[] password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password);
        }
        String alias = store.aliases().nextElement();
        return new Issued((PrivateKey) store.getKey(alias, password),
                Arrays.stream(store.getCertificateChain(alias)).map(X509Certificate.class::cast).toList());
    }
}
