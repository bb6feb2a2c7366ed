package dev.hikyaku.testworld.ca;

/** Who signs a fixture certificate: the root, the intermediate, or the certificate itself. */
public enum Signer {
    /** Signed directly by the fixture root; the chain is just the leaf. */
    ROOT,
    /** Signed by the fixture intermediate; the chain is the leaf then the intermediate. */
    INTERMEDIATE,
    /** Self-signed, not from the CA at all, so nothing that trusts the CA accepts it. */
    SELF_SIGNED
}
