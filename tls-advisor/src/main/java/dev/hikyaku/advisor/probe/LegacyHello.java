package dev.hikyaku.advisor.probe;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Asks a server that refused a modern handshake whether it speaks TLS 1.0 or 1.1, without enabling those
 * protocols anywhere in the JVM: we send a hand-made TLS 1.1 ClientHello and read only the server's clear-text
 * ServerHello and Certificate messages, then hang up. No session is ever established.
 */
final class LegacyHello {
    private static final int RECORD_HANDSHAKE = 22;
    private static final int SERVER_HELLO = 2;
    private static final int CERTIFICATE = 11;
    private static final int SERVER_HELLO_DONE = 14;
    private static final int MAX_RECORD = 16_384 + 2_048;
    private static final int MAX_HANDSHAKE_BYTES = 128 * 1024;
    // Suites a TLS 1.0/1.1 server is likely to have: ECDHE/DHE/RSA with AES-CBC, and 3DES for the oldest.
    private static final int[] CIPHER_SUITES = {0xc013, 0xc014, 0xc009, 0xc00a, 0x0033, 0x0039, 0x002f, 0x0035, 0x000a};

    /** What the server answered: its chosen protocol and the chain it sent, if it spoke an old TLS at all. */
    record Answer(String protocol, List<X509Certificate> chain) {
        Answer {
            chain = List.copyOf(chain);
        }
    }

    private final SecureRandom random;

    LegacyHello(SecureRandom random) {
        this.random = random;
    }

    /** Sends the hello on a connection that has just been told "220 ready to start TLS". */
    Optional<Answer> ask(InputStream in, OutputStream out, String serverName) throws IOException {
        out.write(clientHello(serverName));
        out.flush();
        DataInputStream records = new DataInputStream(in);
        ByteArrayOutputStream handshake = new ByteArrayOutputStream();
        String protocol = null;
        List<X509Certificate> chain = List.of();
        while (handshake.size() < MAX_HANDSHAKE_BYTES) {
            int type = records.read();
            if (type < 0) {
                break; // hung up: what it said before still counts
            }
            records.readUnsignedShort(); // record version: servers vary; the ServerHello carries the real one
            int length = records.readUnsignedShort();
            if (length > MAX_RECORD) {
                return Optional.empty();
            }
            byte[] fragment = records.readNBytes(length);
            if (fragment.length < length) {
                throw new EOFException("record cut short");
            }
            if (type != RECORD_HANDSHAKE) {
                break; // an alert (or anything else) ends what the server will tell us
            }
            handshake.write(fragment);
            Messages parsed = parseMessages(handshake.toByteArray());
            if (parsed.sawServerHello && parsed.serverVersion == null) {
                return Optional.empty(); // it chose TLS 1.2 or newer after all
            }
            protocol = parsed.serverVersion;
            if (parsed.chain != null) {
                chain = parsed.chain;
            }
            if (parsed.done || parsed.chain != null) {
                break;
            }
        }
        return protocol == null ? Optional.empty() : Optional.of(new Answer(protocol, chain));
    }

    private static final class Messages {
        boolean sawServerHello;
        String serverVersion;
        List<X509Certificate> chain;
        boolean done;
    }

    private static Messages parseMessages(byte[] bytes) throws IOException {
        Messages result = new Messages();
        int offset = 0;
        while (offset + 4 <= bytes.length) {
            int type = bytes[offset] & 0xff;
            int length = ((bytes[offset + 1] & 0xff) << 16) | ((bytes[offset + 2] & 0xff) << 8) | (bytes[offset + 3] & 0xff);
            if (offset + 4 + length > bytes.length) {
                break; // the rest arrives in the next record
            }
            byte[] body = Arrays.copyOfRange(bytes, offset + 4, offset + 4 + length);
            switch (type) {
                case SERVER_HELLO -> {
                    result.sawServerHello = true;
                    result.serverVersion = body.length >= 2 ? legacyName(body[0] & 0xff, body[1] & 0xff) : null;
                }
                case CERTIFICATE -> result.chain = certificates(body);
                case SERVER_HELLO_DONE -> result.done = true;
                default -> {
                    // ServerKeyExchange, CertificateRequest: not needed to describe the server.
                }
            }
            offset += 4 + length;
        }
        return result;
    }

    private static String legacyName(int major, int minor) {
        if (major != 3) {
            return null;
        }
        return switch (minor) {
            case 0 -> "SSLv3";
            case 1 -> "TLSv1";
            case 2 -> "TLSv1.1";
            default -> null; // a server may not answer 1.1 hello with 1.2+; if it does, it is not "legacy only"
        };
    }

    private static List<X509Certificate> certificates(byte[] body) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(body));
        int total = readUint24(in);
        if (total != body.length - 3) {
            return List.of();
        }
        List<X509Certificate> chain = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            int read = 0;
            while (read < total) {
                int length = readUint24(in);
                byte[] der = in.readNBytes(length);
                if (der.length < length) {
                    return List.of();
                }
                chain.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
                read += 3 + length;
            }
        } catch (CertificateException e) {
            return List.of();
        }
        return chain;
    }

    private static int readUint24(DataInputStream in) throws IOException {
        return (in.readUnsignedByte() << 16) | in.readUnsignedShort();
    }

    private byte[] clientHello(String serverName) {
        ByteArrayOutputStream hello = new ByteArrayOutputStream();
        hello.write(3);
        hello.write(2); // client_version TLS 1.1: the highest the probe offers
        byte[] clientRandom = new byte[32];
        random.nextBytes(clientRandom);
        hello.writeBytes(clientRandom);
        hello.write(0); // no session id
        writeUint16(hello, CIPHER_SUITES.length * 2);
        for (int suite : CIPHER_SUITES) {
            writeUint16(hello, suite);
        }
        hello.write(1);
        hello.write(0); // compression: null only
        byte[] extensions = extensions(serverName);
        writeUint16(hello, extensions.length);
        hello.writeBytes(extensions);

        byte[] body = hello.toByteArray();
        ByteArrayOutputStream record = new ByteArrayOutputStream();
        record.write(RECORD_HANDSHAKE);
        record.write(3);
        record.write(1); // record layer version TLS 1.0, as old servers expect
        writeUint16(record, body.length + 4);
        record.write(1); // handshake type client_hello
        record.write(0);
        writeUint16(record, body.length);
        record.writeBytes(body);
        return record.toByteArray();
    }

    private static byte[] extensions(String serverName) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] name = serverName.getBytes(StandardCharsets.US_ASCII);
        writeUint16(out, 0x0000); // server_name
        writeUint16(out, name.length + 5);
        writeUint16(out, name.length + 3);
        out.write(0); // host_name
        writeUint16(out, name.length);
        out.writeBytes(name);
        writeUint16(out, 0x000a); // supported_groups: P-256, P-384
        writeUint16(out, 6);
        writeUint16(out, 4);
        writeUint16(out, 23);
        writeUint16(out, 24);
        writeUint16(out, 0x000b); // ec_point_formats: uncompressed
        writeUint16(out, 2);
        out.write(1);
        out.write(0);
        writeUint16(out, 0xff01); // renegotiation_info, empty: some servers insist on it
        writeUint16(out, 1);
        out.write(0);
        return out.toByteArray();
    }

    private static void writeUint16(ByteArrayOutputStream out, int value) {
        out.write((value >>> 8) & 0xff);
        out.write(value & 0xff);
    }
}
