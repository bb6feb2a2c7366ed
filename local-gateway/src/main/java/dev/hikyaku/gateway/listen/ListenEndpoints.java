package dev.hikyaku.gateway.listen;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * The socket addresses the submission listener binds, checked so that Hikyaku never becomes a relay.
 *
 * @param addresses the addresses to bind, never empty
 */
public record ListenEndpoints(List<InetSocketAddress> addresses) {
    /** The submission port mail clients are pointed at unless the user picks another. */
    public static final int DEFAULT_PORT = 10587;

    /** Validated copy; use {@link #of} to build from user input. */
    public ListenEndpoints {
        addresses = List.copyOf(addresses);
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("at least one listen address is needed");
        }
    }

    /** Both loopback families, since clients resolve "localhost" to 127.0.0.1 or ::1. */
    public static ListenEndpoints loopback(int port) {
        return new ListenEndpoints(List.of(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), checkPort(port)),
                new InetSocketAddress(ipv6Loopback(), port)));
    }

    /**
     * Endpoints from literal addresses typed in the configuration; anything outside loopback is refused
     * unless {@code allowNonLoopback} says the user explicitly asked for it.
     */
    public static ListenEndpoints of(List<String> literalAddresses, int port, boolean allowNonLoopback) {
        if (literalAddresses.isEmpty()) {
            return loopback(port);
        }
        checkPort(port);
        return new ListenEndpoints(literalAddresses.stream()
                .map(literal -> new InetSocketAddress(parseLiteral(literal, allowNonLoopback), port))
                .toList());
    }

    private static InetAddress parseLiteral(String literal, boolean allowNonLoopback) {
        String text = literal.strip();
        if (text.startsWith("[") && text.endsWith("]")) {
            text = text.substring(1, text.length() - 1);
        }
        // Literals only: resolving a host name here would let DNS decide where we listen.
        if (!text.matches("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*")) {
            throw new ListenAddressException("listen.notLiteral", literal);
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new ListenAddressException("listen.notLiteral", literal);
        }
        if (!address.isLoopbackAddress() && !allowNonLoopback) {
            throw new ListenAddressException("listen.notLoopback", literal);
        }
        return address;
    }

    private static int checkPort(int port) {
        if (port < 1 || port > 65_535) {
            throw new ListenAddressException("listen.badPort", Integer.toString(port));
        }
        return port;
    }

    private static InetAddress ipv6Loopback() {
        try {
            return InetAddress.getByAddress("localhost", new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1});
        } catch (UnknownHostException e) {
            throw new IllegalStateException("a 16-byte address is always valid", e);
        }
    }
}
