package dev.hikyaku.smime.baseline;

/**
 * The checks of a mailbox certificate against the CA/Browser Forum S/MIME Baseline Requirements (section 7.1.2.3 and
 * 6.1.5) and what Hikyaku needs to sign and be encrypted to; each has its own text for the user.
 */
public enum BaselineCheck {
    /** basicConstraints says CA: a person's certificate never is one. */
    AUTHORITY("baseline.authority"),
    /** No extended key usage extension (BR: it must be present). */
    EKU_ABSENT("baseline.ekuAbsent"),
    /** Extended key usage without emailProtection. */
    EKU_NO_EMAIL("baseline.ekuNoEmail"),
    /** serverAuth, codeSigning, timeStamping or anyExtendedKeyUsage present (BR: must not be). */
    EKU_FORBIDDEN("baseline.ekuForbidden"),
    /** No key usage extension (BR: it must be present). */
    KEY_USAGE_ABSENT("baseline.keyUsageAbsent"),
    /** No digitalSignature: the certificate cannot sign mail. */
    KEY_USAGE_CANNOT_SIGN("baseline.keyUsageCannotSign"),
    /** No keyEncipherment (RSA) or keyAgreement (EC): nobody can encrypt mail to it. */
    KEY_USAGE_CANNOT_ENCRYPT("baseline.keyUsageCannotEncrypt"),
    /** keyCertSign or cRLSign, or keyEncipherment on an EC key (BR: must not be). */
    KEY_USAGE_FORBIDDEN("baseline.keyUsageForbidden"),
    /** No rfc822Name in subjectAltName (BR: the mailbox must be there). */
    SAN_ABSENT("baseline.sanAbsent"),
    /** subjectAltName names other mailboxes than the account. */
    SAN_OTHER_ADDRESS("baseline.sanOtherAddress"),
    /** None of the S/MIME BR policy OIDs (2.23.140.1.5.*): not issued under the Baseline Requirements. */
    POLICY_ABSENT("baseline.policyAbsent"),
    /** Valid for longer than the BR allow (825 days strict/multipurpose, 1185 legacy). */
    VALIDITY_TOO_LONG("baseline.validityTooLong"),
    /** Not valid yet. */
    NOT_YET_VALID("baseline.notYetValid"),
    /** Expired. */
    EXPIRED("baseline.expired"),
    /** No chain to a trusted root could be built. */
    CHAIN_UNTRUSTED("baseline.chainUntrusted"),
    /** An RSA key shorter than 2048 bits. */
    RSA_TOO_SHORT("baseline.rsaTooShort"),
    /** An EC key on another curve than P-256, P-384 or P-521. */
    CURVE_NOT_ALLOWED("baseline.curveNotAllowed"),
    /** Neither RSA nor EC: mail clients cannot use it for S/MIME. */
    KEY_ALGORITHM("baseline.keyAlgorithm");

    private final String messageKey;

    BaselineCheck(String messageKey) {
        this.messageKey = messageKey;
    }

    /** The bundle key of the text that explains the problem. */
    public String messageKey() {
        return messageKey;
    }
}
