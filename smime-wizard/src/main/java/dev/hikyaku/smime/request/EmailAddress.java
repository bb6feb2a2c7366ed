package dev.hikyaku.smime.request;

import java.net.IDN;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A mailbox address as it may appear in a certificate's rfc822Name: ASCII local part, domain in A-labels.
 *
 * @param localPart the part before '@', as typed (case is kept: RFC 5321 lets servers treat it as case-sensitive)
 * @param domain    the domain, lower-cased and converted to A-labels
 */
public record EmailAddress(String localPart, String domain) {
    private static final int MAX_LOCAL = 64;
    private static final int MAX_TOTAL = 254;
    // RFC 5322 dot-atom: quoted local parts are legal but no public CA issues certificates for them.
    private static final Pattern DOT_ATOM = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    /** Parses what a user typed, trimming surrounding blanks; rejects anything a CA would refuse. */
    public static EmailAddress parse(String typed) {
        if (typed == null || typed.isBlank()) {
            throw new RequestRejectedException("email.empty");
        }
        String text = typed.strip();
        int at = text.lastIndexOf('@');
        if (at <= 0 || at == text.length() - 1) {
            throw new RequestRejectedException("email.noAt", text);
        }
        String local = text.substring(0, at);
        if (local.length() > MAX_LOCAL || !DOT_ATOM.matcher(local).matches()) {
            throw new RequestRejectedException("email.badLocal", text);
        }
        String domain = toAsciiDomain(text.substring(at + 1), text);
        if (local.length() + 1 + domain.length() > MAX_TOTAL) {
            throw new RequestRejectedException("email.tooLong", text);
        }
        return new EmailAddress(local, domain);
    }

    private static String toAsciiDomain(String typedDomain, String typed) {
        String ascii;
        try {
            ascii = IDN.toASCII(typedDomain, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new RequestRejectedException("email.badDomain", typed);
        }
        String[] labels = ascii.split("\\.", -1);
        if (labels.length < 2) {
            throw new RequestRejectedException("email.badDomain", typed);
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                throw new RequestRejectedException("email.badDomain", typed);
            }
        }
        return ascii;
    }

    @Override
    public String toString() {
        return localPart + "@" + domain;
    }
}
