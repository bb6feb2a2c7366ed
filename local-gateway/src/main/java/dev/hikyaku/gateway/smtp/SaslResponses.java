package dev.hikyaku.gateway.smtp;

import dev.hikyaku.gateway.auth.AuthMechanism;
import dev.hikyaku.gateway.auth.Credentials;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Turns decoded SASL responses into {@link Credentials}: PLAIN (RFC 4616), LOGIN and XOAUTH2. The secret
 * goes from bytes to characters without ever becoming a String, and the intermediate arrays are wiped.
 */
final class SaslResponses {
    private static final byte NUL = 0;
    private static final byte SOH = 1;
    private static final String BEARER = "Bearer ";

    private SaslResponses() {
    }

    /** {@code [authzid] NUL authcid NUL passwd}; empty when the response is not of that form. */
    static Optional<Credentials> plain(byte[] response) {
        int first = indexOf(response, NUL, 0);
        int second = first < 0 ? -1 : indexOf(response, NUL, first + 1);
        if (second < 0 || indexOf(response, NUL, second + 1) >= 0
                || second == first + 1 || second == response.length - 1) {
            return Optional.empty();
        }
        Optional<String> authorizationId = text(Arrays.copyOfRange(response, 0, first));
        Optional<String> username = text(Arrays.copyOfRange(response, first + 1, second));
        return credentials(AuthMechanism.PLAIN, authorizationId, username,
                Arrays.copyOfRange(response, second + 1, response.length));
    }

    /** The user name and password the LOGIN exchange collected; empty when either is empty or not UTF-8. */
    static Optional<Credentials> login(byte[] username, byte[] password) {
        if (username.length == 0 || password.length == 0) {
            return Optional.empty();
        }
        return credentials(AuthMechanism.LOGIN, Optional.of(""), text(username), password.clone());
    }

    /**
     * {@code user=NAME SOH auth=Bearer TOKEN SOH SOH}, other key=value fields allowed in between; empty when the
     * response is not of that form.
     */
    static Optional<Credentials> xoauth2(byte[] response) {
        int length = response.length;
        if (length < 2 || response[length - 1] != SOH || response[length - 2] != SOH) {
            return Optional.empty();
        }
        Optional<String> username = Optional.empty();
        byte[] token = null;
        int start = 0;
        while (start < length - 1) {
            int end = indexOf(response, SOH, start);
            byte[] field = Arrays.copyOfRange(response, start, end);
            if (startsWith(field, "user=")) {
                username = text(Arrays.copyOfRange(field, 5, field.length));
            } else if (startsWith(field, "auth=") && field.length > 5 + BEARER.length()
                    && new String(field, 5, BEARER.length(), StandardCharsets.US_ASCII).equalsIgnoreCase(BEARER)) {
                token = Arrays.copyOfRange(field, 5 + BEARER.length(), field.length);
            }
            Arrays.fill(field, NUL);
            start = end + 1;
        }
        if (token == null || username.isEmpty() || username.get().isEmpty()) {
            if (token != null) {
                Arrays.fill(token, NUL);
            }
            return Optional.empty();
        }
        return credentials(AuthMechanism.XOAUTH2, Optional.of(""), username, token);
    }

    private static Optional<Credentials> credentials(AuthMechanism mechanism, Optional<String> authorizationId,
                                                     Optional<String> username, byte[] secretBytes) {
        try {
            Optional<char[]> secret = chars(secretBytes);
            if (authorizationId.isEmpty() || username.isEmpty() || username.get().isEmpty() || secret.isEmpty()) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Credentials(mechanism, authorizationId.get(), username.get(), secret.get()));
            } finally {
                Arrays.fill(secret.get(), '\0');
            }
        } finally {
            Arrays.fill(secretBytes, NUL);
        }
    }

    private static Optional<String> text(byte[] bytes) {
        Optional<char[]> chars = chars(bytes);
        return chars.map(String::new);
    }

    private static Optional<char[]> chars(byte[] bytes) {
        try {
            CharBuffer decoded = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            char[] chars = Arrays.copyOfRange(decoded.array(), decoded.position(), decoded.limit());
            Arrays.fill(decoded.array(), '\0');
            return Optional.of(chars);
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static boolean startsWith(byte[] field, String prefix) {
        if (field.length < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (field[i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] bytes, byte wanted, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }
}
