package dev.hikyaku.app.clients.thunderbird;

import dev.hikyaku.app.clients.LocalSubmission;
import java.nio.ByteBuffer;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Thunderbird's {@code cert_override.txt}: the server certificates the user accepted in the "Add Security Exception"
 * dialog, one per host and port, by SHA-256 fingerprint. The set-up adds the entry that dialog would add for the
 * gateway's certificate on 127.0.0.1: a trust for that one certificate on that one port, unlike a root certificate,
 * which would vouch for any server.
 *
 * <p>Line format: {@code host:port[:attributes] TAB OID.2.16.840.1.101.3.4.2.1 TAB fingerprint TAB bits TAB dbKey}.
 * Current Thunderbird reads the fingerprint only; versions before 102 also wanted the override bits ({@code U}:
 * untrusted issuer) and the dbKey (issuer and serial number), so both are written and the host carries no
 * attributes part.
 */
final class CertOverrideFile {
    static final String NAME = "cert_override.txt";
    static final String HEADER =
            "# PSM Certificate Override Settings file\n# This is a generated file!  Do not edit.\n";
    private static final String SHA256_OID = "OID.2.16.840.1.101.3.4.2.1";

    private CertOverrideFile() {
    }

    /** The override line for {@code target}'s certificate on its host and port. */
    static String line(LocalSubmission target) {
        return target.hostAndPort() + "\t" + SHA256_OID + "\t" + target.sha256Fingerprint() + "\tU\t"
                + dbKey(target.certificate());
    }

    /** {@code text} with {@code line} in place of any other override for the same host and port. */
    static Edit add(String text, String line) {
        String newline = newline(text);
        List<String> kept = new ArrayList<>();
        List<String> replaced = new ArrayList<>();
        for (String existing : lines(text.isEmpty() ? HEADER : text)) {
            if (sameHostAndPort(existing, line)) {
                replaced.add(existing);
            } else {
                kept.add(existing);
            }
        }
        kept.add(line);
        return new Edit(join(kept, newline), replaced);
    }

    /** {@code text} without {@code line}, and with the {@code replaced} lines back. */
    static String remove(String text, String line, List<String> replaced) {
        List<String> kept = new ArrayList<>(lines(text));
        kept.removeIf(line::equals);
        kept.addAll(replaced);
        return join(kept, newline(text));
    }

    private static boolean sameHostAndPort(String existing, String line) {
        return !existing.startsWith("#") && key(existing).equals(key(line));
    }

    /** The host and port of a line; an empty attributes part ({@code host:port:}) is the same entry. */
    private static String key(String line) {
        int tab = line.indexOf('\t');
        String key = tab < 0 ? line : line.substring(0, tab);
        return key.endsWith(":") ? key.substring(0, key.length() - 1) : key;
    }

    /** NSS's database key of a certificate: module and slot 0, the lengths, the serial number and the issuer. */
    static String dbKey(X509Certificate certificate) {
        byte[] serial = certificate.getSerialNumber().toByteArray();
        byte[] issuer = certificate.getIssuerX500Principal().getEncoded();
        ByteBuffer key = ByteBuffer.allocate(16 + serial.length + issuer.length);
        key.putInt(0).putInt(0).putInt(serial.length).putInt(issuer.length).put(serial).put(issuer);
        return Base64.getEncoder().encodeToString(key.array());
    }

    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\r\n|\r|\n", -1)));
        lines.removeIf(String::isEmpty);
        return lines;
    }

    private static String newline(String text) {
        return text.contains("\r\n") ? "\r\n" : "\n";
    }

    private static String join(List<String> lines, String newline) {
        StringBuilder text = new StringBuilder();
        lines.forEach(line -> text.append(line).append(newline));
        return text.toString();
    }

    /**
     * An edited file.
     *
     * @param text the new text
     * @param replaced the lines it no longer has, to put back on undo
     */
    record Edit(String text, List<String> replaced) {
        Edit {
            replaced = List.copyOf(replaced);
        }
    }
}
