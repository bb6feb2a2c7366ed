package dev.hikyaku.testworld.https;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * An HTTP/1.1 GET over a TLS socket with chosen SNI and Host: the JDK's HTTP clients will not send a
 * Host other than the one they connect to, and the fixture listens on 127.0.0.1.
 */
final class RawHttpsClient {

    // Safety bound only.
    static final int TIMEOUT_MILLIS = 5_000;

    private final SSLContext context;
    private final InetSocketAddress address;

    RawHttpsClient(SSLContext context, InetSocketAddress address) {
        this.context = context;
        this.address = address;
    }

    /** Opens a verified TLS connection for the host and sends a GET with Connection: close. */
    SSLSocket request(String host, String path) throws IOException {
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket();
        socket.connect(address, TIMEOUT_MILLIS);
        socket.setSoTimeout(TIMEOUT_MILLIS);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setServerNames(List.of(new SNIHostName(host)));
        // Checks the certificate against the SNI name, as an MTA-STS client must (RFC 8461, section 3.3).
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        socket.setSSLParameters(parameters);
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    /** The whole response, read until the server closes. */
    RawResponse get(String host, String path) throws IOException {
        try (SSLSocket socket = request(host, path)) {
            return RawResponse.parse(readAll(socket.getInputStream()));
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        return bytes.toByteArray();
    }
}
