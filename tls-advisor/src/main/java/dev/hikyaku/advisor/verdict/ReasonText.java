package dev.hikyaku.advisor.verdict;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The one sentence that tells a sender, in Japanese or English, why a domain got its verdict. */
public final class ReasonText {
    private static final String BUNDLE = "dev.hikyaku.advisor.verdict.reasons";

    private ReasonText() {
    }

    /** The reason for {@code verdict} in {@code locale}. */
    public static String of(Verdict verdict, Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale,
                // Without this, English asked for on a Japanese PC would fall back to the Japanese bundle.
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        if (verdict instanceof Verdict.Authenticated authenticated) {
            return authenticated.probed()
                    ? bundle.getString("authenticated." + authenticated.pin().name())
                    : format(bundle, locale, "authenticated.notProbed", authenticated.pin() == Verdict.Pin.DANE ? "DANE" : "MTA-STS");
        }
        if (verdict instanceof Verdict.Encrypted encrypted) {
            return bundle.getString(encrypted.probed() ? "encrypted" : "encrypted.knownProvider");
        }
        if (verdict instanceof Verdict.EncryptedUnverified unverified) {
            return format(bundle, locale, "unverified", String.join("; ", unverified.weaknesses()));
        }
        if (verdict instanceof Verdict.Plaintext plaintext) {
            return format(bundle, locale, plaintext.pinViolated() ? "plaintext.pinViolated" : "plaintext",
                    String.join("; ", plaintext.causes()));
        }
        if (verdict instanceof Verdict.NoMail noMail) {
            return bundle.getString(switch (noMail.cause()) {
                case NULL_MX -> "noMail.nullMx";
                case NO_SUCH_DOMAIN -> "noMail.noDomain";
                case NO_MAIL_HOST -> "noMail.noHost";
            });
        }
        return bundle.getString(switch (((Verdict.Unknown) verdict).cause()) {
            case NO_MX_ANSWERED -> "unknown.noAnswer";
            case PORT25_BLOCKED -> "unknown.blocked";
            case DNS_FAILED -> "unknown.dnsFailed";
            case DNS_FORGED -> "unknown.dnsForged";
        });
    }

    private static String format(ResourceBundle bundle, Locale locale, String key, String argument) {
        return new MessageFormat(bundle.getString(key), locale).format(new Object[] {argument});
    }
}
