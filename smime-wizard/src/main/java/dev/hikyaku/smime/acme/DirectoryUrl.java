package dev.hikyaku.smime.acme;

import dev.hikyaku.smime.text.Notice;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * An ACME directory URL as the user types it: https, or http only to this PC (a CA on a test bench), since every
 * request to the CA carries the account's signature but plain HTTP to another host could be read and altered.
 */
public final class DirectoryUrl {
    private static final int MAX_LENGTH = 2048;

    private DirectoryUrl() {
    }

    /** The URL, checked. */
    public static URI parse(String typed) throws AcmeStepException {
        String text = typed.strip();
        URI uri;
        try {
            if (text.isEmpty() || text.length() > MAX_LENGTH) {
                throw new URISyntaxException(text, "empty or too long");
            }
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new AcmeStepException(Notice.of("acme.badUrl", shown(text)), e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || uri.getUserInfo() != null || uri.getFragment() != null
                || !(scheme.equals("https") || scheme.equals("http") && loopback(uri.getHost()))) {
            throw new AcmeStepException(Notice.of("acme.badUrl", shown(text)), null);
        }
        return uri;
    }

    private static boolean loopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!host.matches("[0-9.]+|\\[[0-9a-fA-F:]+\\]")) {
            return false;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String shown(String text) {
        String printable = text.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > 80 ? printable.substring(0, 80) + "…" : printable;
    }
}
