package dev.hikyaku.testworld.dns;

/** A misbehaviour the world can be switched into, so resolver tests can meet broken DNS on purpose. */
public enum Fault {
    /** Answer with rcode SERVFAIL, as a recursive resolver does when it cannot reach the zone. */
    SERVFAIL,
    /** Send nothing at all, so the client runs into its own timeout. */
    DROP,
    /** Serve RRSIGs whose signature bytes are damaged; a validator must call the answer bogus. */
    CORRUPT_SIGNATURES,
    /** Serve RRSIGs whose validity ended yesterday; a validator must call the answer bogus. */
    EXPIRED_SIGNATURES;

    /** Whether this fault acts on signatures rather than on the whole exchange. */
    boolean spoilsSignatures() {
        return this == CORRUPT_SIGNATURES || this == EXPIRED_SIGNATURES;
    }
}
