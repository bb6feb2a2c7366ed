package dev.hikyaku.app.clients;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HexFormat;

/**
 * Where a mail client submits to Hikyaku, and the certificate it is shown there: the values every mail-client
 * set-up writes or tells the user.
 *
 * @param port the gateway's submission port
 * @param certificate the gateway's self-signed certificate for localhost (and 127.0.0.1, ::1)
 */
public record LocalSubmission(int port, X509Certificate certificate) {
    /** The host a mail client is pointed at: the IPv4 loopback, which every client accepts. */
    public static final String HOST = "127.0.0.1";
    /** Where the gateway keeps its certificate inside the data folder (local-gateway's LocalhostCertificate). */
    public static final Path CERTIFICATE_FILE = Path.of("tls", "localhost-cert.pem");

    /** Rejects a port no server can listen on. */
    public LocalSubmission {
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("not a port: " + port);
        }
    }

    /**
     * The submission on {@code port} with the certificate the gateway made in {@code dataDirectory}; the gateway
     * makes it at its first start.
     */
    public static LocalSubmission read(Path dataDirectory, int port) throws CertificateUnavailableException {
        Path file = dataDirectory.resolve(CERTIFICATE_FILE);
        // The gateway writes a few hundred bytes; a larger file is not its certificate.
        try (InputStream in = Files.newInputStream(file)) {
            byte[] pem = in.readNBytes(64 * 1024);
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new java.io.ByteArrayInputStream(pem));
            return new LocalSubmission(port, certificate);
        } catch (NoSuchFileException e) {
            throw new CertificateUnavailableException(e, ClientsText.CERTIFICATE_MISSING, file.toString());
        } catch (IOException | GeneralSecurityException | ClassCastException e) {
            throw new CertificateUnavailableException(e, ClientsText.CERTIFICATE_UNREADABLE, file.toString(),
                    String.valueOf(e.getMessage()));
        }
    }

    /** {@code 127.0.0.1:PORT}. */
    public String hostAndPort() {
        return HOST + ":" + port;
    }

    /** The certificate's SHA-256 fingerprint as Thunderbird and the app show it: upper-case hex pairs and colons. */
    public String sha256Fingerprint() {
        return fingerprint("SHA-256");
    }

    /** The SHA-1 "Thumbprint" Windows shows in its certificate dialog (hex pairs and spaces, as Windows writes it). */
    public String sha1Thumbprint() {
        return fingerprint("SHA-1").replace(':', ' ');
    }

    private String fingerprint(String algorithm) {
        try {
            byte[] digest = MessageDigest.getInstance(algorithm).digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is always available", e);
        }
    }
}
