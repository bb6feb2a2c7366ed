package dev.hikyaku.advisor.mtasts;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * Fetches {@code https://mta-sts.<domain>/.well-known/mta-sts.txt} as RFC 8461 section 3.3 asks: certificate
 * validated for the policy host, no redirects, only 200 with text/plain, bounded in size and time.
 *
 * <p>A small HTTP/1.1 client of our own, because the addresses must come from our own (injected) DNS
 * resolver and the JDK's HttpClient always resolves names through the system.
 */
public final class PolicyFetcher {
    /** RFC 8461 suggests senders accept policies up to 64 KiB. */
    public static final int MAX_BODY = 64 * 1024;
    private static final String PATH = "/.well-known/mta-sts.txt";
    private static final int MAX_HEADER_BYTES = 16 * 1024;

    private final SSLContext tls;
    private final int port;
    private final Duration budget;
    private final Clock clock;

    /**
     * A fetcher.
     *
     * @param tls    trust for the policy host's certificate (the JDK's CAs, plus any the user added)
     * @param port   443 on the internet; a loopback port in tests
     * @param budget the most one fetch may take in all
     */
    public PolicyFetcher(SSLContext tls, int port, Duration budget, Clock clock) {
        this.tls = tls;
        this.port = port;
        this.budget = budget;
        this.clock = clock;
    }

    /** Fetches the policy of {@code domain} from the first of {@code addresses} (of mta-sts.domain) that answers. */
    public PolicyFetch fetch(String domain, List<InetAddress> addresses) {
        String host = "mta-sts." + domain;
        if (addresses.isEmpty()) {
            return new PolicyFetch.Failed(host + " has no address");
        }
        Instant deadline = clock.instant().plus(budget);
        String lastFailure = "";
        for (InetAddress address : addresses) {
            try {
                return fetchFrom(host, address, deadline);
            } catch (SSLException e) {
                // A certificate problem is the answer, not a reason to try elsewhere.
                return new PolicyFetch.Failed("TLS with " + host + " failed: " + e.getMessage());
            } catch (IOException e) {
                lastFailure = e.getMessage();
            }
        }
        return new PolicyFetch.Failed("cannot fetch the policy from " + host + ": " + lastFailure);
    }

    private PolicyFetch fetchFrom(String host, InetAddress address, Instant deadline) throws IOException {
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(address, port), (int) Math.max(1, left(deadline)));
            try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(plain, host, port, true)) {
                SSLParameters parameters = socket.getSSLParameters();
                parameters.setServerNames(List.of(new SNIHostName(host)));
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                socket.setSSLParameters(parameters);
                arm(socket, deadline);
                socket.startHandshake();
                OutputStream out = socket.getOutputStream();
                out.write(("GET " + PATH + " HTTP/1.1\r\nHost: " + host + "\r\nUser-Agent: Hikyaku-MTA-STS\r\n"
                        + "Accept: text/plain\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                return readResponse(new BufferedInputStream(socket.getInputStream()), socket, deadline);
            }
        }
    }

    private PolicyFetch readResponse(InputStream in, Socket socket, Instant deadline) throws IOException {
        HttpHead head = HttpHead.read(in, MAX_HEADER_BYTES, () -> arm(socket, deadline));
        if (head.status() >= 300 && head.status() < 400) {
            return new PolicyFetch.Failed("the policy host answered a redirect (" + head.status() + "), which MTA-STS forbids following");
        }
        if (head.status() != 200) {
            return new PolicyFetch.Failed("the policy host answered HTTP " + head.status());
        }
        Optional<String> type = head.value("content-type");
        if (type.isEmpty() || !type.get().toLowerCase(Locale.ROOT).split(";")[0].strip().equals("text/plain")) {
            return new PolicyFetch.Failed("the policy is not served as text/plain");
        }
        byte[] body;
        try {
            body = HttpBody.read(in, head, MAX_BODY, () -> arm(socket, deadline));
        } catch (HttpBody.TooLargeException e) {
            return new PolicyFetch.Failed("the policy is larger than " + MAX_BODY + " bytes");
        }
        return new PolicyFetch.Fetched(new String(body, StandardCharsets.UTF_8));
    }

    private long left(Instant deadline) {
        return Duration.between(clock.instant(), deadline).toMillis();
    }

    private void arm(Socket socket, Instant deadline) throws IOException {
        long left = left(deadline);
        if (left <= 0) {
            throw new SocketTimeoutException("policy fetch took longer than " + budget.toMillis() + " ms");
        }
        socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
    }
}
