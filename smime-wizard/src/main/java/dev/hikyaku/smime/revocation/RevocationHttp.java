package dev.hikyaku.smime.revocation;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Fetches OCSP answers and CRLs over plain HTTP (what CAs publish: the answers are signed, and TLS to a revocation
 * source would itself need revocation checking), reading no more than a limit and waiting no longer than a timeout.
 */
final class RevocationHttp {
    private final HttpClient client;
    private final Duration timeout;

    RevocationHttp(HttpClient client, Duration timeout) {
        this.client = client;
        this.timeout = timeout;
    }

    /** An HTTP client that connects within the timeout and never follows redirects. */
    static HttpClient client(Duration connectTimeout) {
        return HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    /** Whether the URI is one this fetcher asks: http with a host. */
    static boolean fetchable(URI uri) {
        return uri.getScheme() != null && uri.getScheme().toLowerCase(Locale.ROOT).equals("http") && uri.getHost() != null;
    }

    byte[] get(URI uri, int limit) throws FetchException {
        return send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build(), limit);
    }

    byte[] post(URI uri, String contentType, byte[] body, int limit) throws FetchException {
        return send(HttpRequest.newBuilder(uri).timeout(timeout).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), limit);
    }

    private byte[] send(HttpRequest request, int limit) throws FetchException {
        if (!fetchable(request.uri())) {
            throw new FetchException("not an http URL: " + request.uri(), null);
        }
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                if (response.statusCode() != 200) {
                    throw new FetchException("HTTP " + response.statusCode() + " from " + request.uri(), null);
                }
                OptionalLong length = response.headers().firstValueAsLong("Content-Length");
                if (length.isPresent() && length.getAsLong() > limit) {
                    throw new FetchException("answer of " + length.getAsLong() + " bytes from " + request.uri(), null);
                }
                byte[] body = in.readNBytes(limit + 1);
                if (body.length > limit) {
                    throw new FetchException("answer over " + limit + " bytes from " + request.uri(), null);
                }
                return body;
            }
        } catch (IOException e) {
            throw new FetchException("no answer from " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException("interrupted asking " + request.uri(), e);
        }
    }
}
