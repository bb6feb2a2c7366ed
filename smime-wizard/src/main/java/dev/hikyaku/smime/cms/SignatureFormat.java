package dev.hikyaku.smime.cms;

/** How a signed message is packaged. */
public enum SignatureFormat {
    /** multipart/signed: the content stays readable in clients without S/MIME (the default). */
    DETACHED,
    /** application/pkcs7-mime signed-data: content inside the signature, safe from gateways that rewrite text. */
    OPAQUE
}
