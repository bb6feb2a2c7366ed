package dev.hikyaku.smime.cms;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.cms.CMSAlgorithm;

/** The content encryption algorithms the engine writes. */
public enum ContentCipher {
    /** AES-256-CBC in EnvelopedData: what Outlook and Thunderbird read today (the default). */
    AES_256_CBC(CMSAlgorithm.AES256_CBC),
    /** AES-256-GCM in AuthEnvelopedData (RFC 5083): only when every recipient advertised it. */
    AES_256_GCM(CMSAlgorithm.AES256_GCM);

    private final ASN1ObjectIdentifier oid;

    ContentCipher(ASN1ObjectIdentifier oid) {
        this.oid = oid;
    }

    /** The algorithm's object identifier. */
    public ASN1ObjectIdentifier oid() {
        return oid;
    }
}
