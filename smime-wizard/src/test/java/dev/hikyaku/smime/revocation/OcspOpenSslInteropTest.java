package dev.hikyaku.smime.revocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.testworld.ca.FixtureCa;
import dev.hikyaku.testworld.ca.Issued;
import dev.hikyaku.testworld.ca.Signer;
import dev.hikyaku.testworld.revocation.RevocationServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interop with OpenSSL's {@code ocsp} command: OpenSSL as a second, independent responder that our checker asks, OpenSSL
 * reading our request, and OpenSSL as a client of the fixture responder the other tests rely on.
 */
class OcspOpenSslInteropTest {
    private static final DateTimeFormatter INDEX_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final Clock clock = Clock.systemUTC();
    private final FixtureCa ca = FixtureCa.create(clock);
    private final Issued issuer = ca.authority(Signer.INTERMEDIATE);

    @TempDir
    Path directory;

    @Test
    void checkerBelievesOpenSslResponder() throws Exception {
        Issued good = ca.issue(ca.smimeSpec("good@example.test").withSigner(Signer.INTERMEDIATE).withFreshKey());
        Issued revoked = ca.issue(ca.smimeSpec("revoked@example.test").withSigner(Signer.INTERMEDIATE).withFreshKey());
        Instant revokedAt = clock.instant().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);
        Files.writeString(directory.resolve("index.txt"), indexLine("V", good.certificate(), "")
                + indexLine("R", revoked.certificate(), INDEX_TIME.format(revokedAt) + ",keyCompromise"));
        Files.writeString(directory.resolve("ca.pem"), issuer.chainPem());
        Files.writeString(directory.resolve("ca.key"), issuer.keyPem());
        // OpenSSL 3.0's responder takes only a port and listens on every address; it is asked only on 127.0.0.1.
        Process responder = new ProcessBuilder("openssl", "ocsp", "-index", "index.txt", "-port", "0",
                "-rsigner", "ca.pem", "-rkey", "ca.key", "-CA", "ca.pem", "-ndays", "1")
                .directory(directory.toFile()).redirectErrorStream(true).start();
        try {
            // The port is known only once OpenSSL listens, after the certificates were issued: the query is asked
            // directly rather than through a certificate's authority information access.
            URI url = URI.create("http://127.0.0.1:" + listeningPort(responder) + "/");
            RevocationSettings settings = RevocationSettings.defaults();
            OcspQuery query = new OcspQuery(new RevocationHttp(OnlineRevocationChecker.client(settings),
                    settings.requestTimeout()), settings, clock);

            assertEquals(new RevocationStatus.Good("OCSP " + url),
                    settled(query.ask(url, good.certificate(), issuer.certificate())));
            assertEquals(new RevocationStatus.Revoked("OCSP " + url, revokedAt),
                    settled(query.ask(url, revoked.certificate(), issuer.certificate())));
        } finally {
            responder.destroy();
            responder.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    @Test
    void openSslReadsOurRequestWithItsNonce() throws Exception {
        Issued bob = ca.issue(ca.smimeSpec("bob@example.test").withSigner(Signer.INTERMEDIATE));
        byte[] nonce = new byte[16];
        nonce[0] = 0x5a;
        Files.write(directory.resolve("request.der"),
                OcspQuery.request(bob.certificate(), issuer.certificate(), nonce).getEncoded());

        String text = openssl("ocsp", "-reqin", "request.der", "-req_text", "-noverify");

        assertTrue(text.contains("OCSP Nonce"), text);
        assertTrue(text.contains("5A000000"), text);
        assertTrue(text.toUpperCase(Locale.ROOT).contains(bob.certificate().getSerialNumber().toString(16)
                .toUpperCase(Locale.ROOT)), text);
    }

    @Test
    void openSslBelievesTheFixtureResponder() throws Exception {
        Issued good = ca.issue(ca.smimeSpec("good@example.test").withSigner(Signer.INTERMEDIATE).withFreshKey());
        Issued revoked = ca.issue(ca.smimeSpec("revoked@example.test").withSigner(Signer.INTERMEDIATE).withFreshKey());
        Files.writeString(directory.resolve("issuer.pem"), issuer.chainPem());
        Files.writeString(directory.resolve("trusted.pem"), ca.rootPem() + issuer.chainPem());
        Files.writeString(directory.resolve("good.pem"), good.chainPem());
        Files.writeString(directory.resolve("revoked.pem"), revoked.chainPem());
        try (RevocationServer server = RevocationServer.start(issuer, clock)) {
            server.revoke(revoked.certificate(), clock.instant().minus(Duration.ofHours(1)));

            String answer = openssl("ocsp", "-issuer", "issuer.pem", "-cert", "good.pem", "-cert", "revoked.pem",
                    "-url", server.ocspUri().toString(), "-CAfile", "trusted.pem");

            assertTrue(answer.contains("Response verify OK"), answer);
            assertTrue(answer.contains("good.pem: good"), answer);
            assertTrue(answer.contains("revoked.pem: revoked"), answer);
        }
    }

    private static RevocationStatus settled(SourceAnswer answer) {
        return assertInstanceOf(SourceAnswer.Settled.class, answer, answer::toString).status();
    }

    private static String indexLine(String status, X509Certificate certificate, String revocation) {
        String serial = certificate.getSerialNumber().toString(16).toUpperCase(Locale.ROOT);
        if (serial.length() % 2 == 1) {
            serial = "0" + serial;
        }
        return String.join("\t", status, INDEX_TIME.format(certificate.getNotAfter().toInstant()), revocation, serial,
                "unknown", "/CN=fixture") + "\n";
    }

    // OpenSSL announces "ACCEPT [::]:PORT PID=..." once it listens.
    private static int listeningPort(Process responder) throws Exception {
        BufferedReader lines = new BufferedReader(new InputStreamReader(responder.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<Integer> port = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.startsWith("ACCEPT ")) {
                        String address = line.substring("ACCEPT ".length()).split(" ")[0];
                        return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
                    }
                }
                throw new IllegalStateException("openssl ocsp ended without listening");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        return port.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    private String openssl(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(arguments));
        Path output = directory.resolve("openssl.out");
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        assertTrue(process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS), "openssl finished");
        String text = Files.readString(output, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), text);
        return text;
    }
}
