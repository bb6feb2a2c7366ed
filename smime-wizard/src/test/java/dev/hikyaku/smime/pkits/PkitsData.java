package dev.hikyaku.smime.pkits;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The NIST PKITS files as Debian's python3-cryptography-vectors installs them: certificates, CRLs and the signed
 * S/MIME messages, one per path validation test.
 */
record PkitsData(Path root) {
    static final Path DEBIAN = Path.of("/usr/lib/python3/dist-packages/cryptography_vectors/x509/PKITS_data");

    boolean present() {
        return Files.isDirectory(root.resolve("smime")) && Files.isRegularFile(trustAnchorFile());
    }

    X509Certificate trustAnchor() {
        return certificate(trustAnchorFile());
    }

    List<Path> messages() {
        return files(root.resolve("smime"), ".eml");
    }

    List<X509Certificate> certificates() {
        return files(root.resolve("certs"), ".crt").stream().map(PkitsData::certificate).toList();
    }

    List<X509CRL> crls() {
        return files(root.resolve("crls"), ".crl").stream().map(PkitsData::crl).toList();
    }

    private Path trustAnchorFile() {
        return root.resolve("certs").resolve("TrustAnchorRootCertificate.crt");
    }

    private static List<Path> files(Path directory, String suffix) {
        try (Stream<Path> listing = Files.list(directory)) {
            return listing.filter(file -> file.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + directory, e);
        }
    }

    private static X509Certificate certificate(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException | CertificateException e) {
            throw new IllegalStateException("unreadable certificate " + file, e);
        }
    }

    private static X509CRL crl(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(in);
        } catch (IOException | CertificateException | CRLException e) {
            throw new IllegalStateException("unreadable CRL " + file, e);
        }
    }
}
