package dev.hikyaku.testworld.https;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsServer;
import dev.hikyaku.testworld.ca.Issued;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLSession;

/**
 * An HTTPS server on 127.0.0.1 that serves MTA-STS policies at {@code /.well-known/mta-sts.txt}, chosen
 * by the Host header ({@code mta-sts.<domain>}), and records every request.
 */
public final class MtaStsServer implements AutoCloseable {

    /** The one path RFC 8461 defines. */
    public static final String POLICY_PATH = "/.well-known/mta-sts.txt";
    private static final String HOST_PREFIX = "mta-sts.";
    // Safety bounds only: a stalled response ends when the server closes, at the latest after this.
    private static final long STALL_LIMIT_SECONDS = 60;
    private static final long CLOSE_WAIT_MILLIS = 2_000;

    private final HttpsServer server;
    private final ExecutorService workers;
    private final Map<String, PolicyResponse> responses = new ConcurrentHashMap<>();
    private final List<PolicyRequest> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);

    private MtaStsServer(HttpsServer server, ExecutorService workers) {
        this.server = server;
        this.workers = workers;
    }

    /** Starts the server on an ephemeral port of 127.0.0.1 with the certificate. */
    public static MtaStsServer start(Issued certificate) throws IOException {
        HttpsServer server = HttpsServer.create(
                new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(certificate.serverContext()));
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService workers = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "mta-sts-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(workers);
        MtaStsServer fixture = new MtaStsServer(server, workers);
        server.createContext("/", fixture::handle);
        server.start();
        return fixture;
    }

    /** Answers requests for {@code mta-sts.<domain>} with the response from now on. */
    public MtaStsServer serve(String domain, PolicyResponse response) {
        responses.put(HOST_PREFIX + domain.toLowerCase(Locale.ROOT), response);
        return this;
    }

    /** The address the server listens on. */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** Every request so far, oldest first. */
    public List<PolicyRequest> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        workers.shutdownNow();
        try {
            workers.awaitTermination(CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String host = hostOf(exchange);
            String path = exchange.getRequestURI().getPath();
            requests.add(new PolicyRequest(host, path, serverName(exchange)));
            PolicyResponse response = POLICY_PATH.equals(path) ? responses.get(host) : null;
            respond(exchange, response == null ? PolicyResponse.notFound() : response);
        }
    }

    private void respond(HttpExchange exchange, PolicyResponse response) throws IOException {
        if (response instanceof PolicyResponse.Policy policy) {
            send(exchange, 200, policy.contentType(), policy.body().getBytes(StandardCharsets.UTF_8));
        } else if (response instanceof PolicyResponse.Redirect redirect) {
            exchange.getResponseHeaders().set("Location", redirect.location());
            exchange.sendResponseHeaders(301, -1);
        } else if (response instanceof PolicyResponse.Oversized oversized) {
            send(exchange, 200, PolicyResponse.TEXT_PLAIN, padded(oversized));
        } else if (response instanceof PolicyResponse.Stall stall) {
            stall(exchange, stall);
        } else {
            send(exchange, 404, PolicyResponse.TEXT_PLAIN, "not found\n".getBytes(StandardCharsets.US_ASCII));
        }
    }

    private void stall(HttpExchange exchange, PolicyResponse.Stall stall) throws IOException {
        byte[] start = stall.bodyStart().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", PolicyResponse.TEXT_PLAIN);
        exchange.sendResponseHeaders(200, Math.max(stall.promisedBytes(), start.length + 1));
        OutputStream body = exchange.getResponseBody();
        body.write(start);
        body.flush();
        try {
            closing.await(STALL_LIMIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // The promised rest never comes: failing the handler makes the server drop the connection.
        throw new IOException("stalled response abandoned");
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static byte[] padded(PolicyResponse.Oversized oversized) {
        StringBuilder text = new StringBuilder(oversized.policy());
        String padding = "x-padding: " + "0123456789".repeat(7) + "\r\n";
        while (text.length() + padding.length() <= oversized.totalBytes()) {
            text.append(padding);
        }
        text.append("x".repeat(Math.max(0, oversized.totalBytes() - text.length())));
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static String hostOf(HttpExchange exchange) {
        String host = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Host")).orElse("");
        int colon = host.lastIndexOf(':');
        if (colon >= 0 && !host.endsWith("]")) {
            host = host.substring(0, colon);
        }
        return host.toLowerCase(Locale.ROOT);
    }

    private static Optional<String> serverName(HttpExchange exchange) {
        if (exchange instanceof HttpsExchange https) {
            SSLSession session = https.getSSLSession();
            if (session instanceof ExtendedSSLSession extended) {
                for (SNIServerName name : extended.getRequestedServerNames()) {
                    if (name instanceof SNIHostName host) {
                        return Optional.of(host.getAsciiName());
                    }
                }
            }
        }
        return Optional.empty();
    }
}
