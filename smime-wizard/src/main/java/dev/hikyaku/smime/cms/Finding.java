package dev.hikyaku.smime.cms;

/** Something wrong with one signature; only {@link #fatal()} ones make it untrustworthy. */
public enum Finding {
    /** The content was changed after signing, or the signature does not match the certificate. */
    SIGNATURE_INVALID("verify.signatureInvalid", true),
    /** The message does not carry the signer's certificate. */
    CERTIFICATE_MISSING("verify.certificateMissing", true),
    /** No chain leads from the signer's certificate to a trusted root. */
    CHAIN_UNTRUSTED("verify.chainUntrusted", true),
    /** The certificate had expired when the message was signed. */
    EXPIRED_AT_SIGNING("verify.expiredAtSigning", true),
    /** The certificate was not yet valid when the message was signed. */
    NOT_YET_VALID_AT_SIGNING("verify.notYetValidAtSigning", true),
    /** The signing time lies in the future; the current time was used instead. */
    SIGNING_TIME_IN_FUTURE("verify.signingTimeInFuture", false),
    /** The certificate is not meant for mail (extended key usage). */
    NOT_FOR_EMAIL("verify.notForEmail", true),
    /** The certificate does not name the From address. */
    ADDRESS_MISMATCH("verify.addressMismatch", true),
    /** The certificate was revoked. */
    REVOKED("verify.revoked", true),
    /** A certification authority between the signer's certificate and the trusted root was revoked. */
    ISSUER_REVOKED("verify.issuerRevoked", true),
    /** Revocation could not be checked (offline or no source): reported, not fatal. */
    REVOCATION_NOT_CHECKED("verify.revocationNotChecked", false);

    private final String messageKey;
    private final boolean fatal;

    Finding(String messageKey, boolean fatal) {
        this.messageKey = messageKey;
        this.fatal = fatal;
    }

    /** The bundle key of the text shown to the user. */
    public String messageKey() {
        return messageKey;
    }

    /** Whether the signature cannot be trusted because of it. */
    public boolean fatal() {
        return fatal;
    }
}
