package dev.hikyaku.smime.catalogue;

import java.util.Locale;

/** How a CA hands the certificate out, which decides the wizard's next step. */
public enum Issuance {
    /** The CA signs a request (CSR) made on this PC: the private key never leaves it. */
    CSR,
    /** The CA makes the key and hands out a PKCS#12 file in the browser or by mail, with a password. */
    PKCS12_BY_BROWSER,
    /** ACME for S/MIME (RFC 8823): an automated request, answered by mail. */
    ACME,
    /** Not confirmed: the wizard offers a request first, and taking a PKCS#12 instead. */
    UNKNOWN;

    /** The bundle key of the explanation. */
    public String messageKey() {
        return "catalogue.issuance." + name().toLowerCase(Locale.ROOT);
    }
}
