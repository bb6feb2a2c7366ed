package dev.hikyaku.gateway.guard;

/** Which messages or recipients a rule applies to. */
public enum GuardScope {
    /** Every message, every recipient. */
    ALL,
    /** Only messages with a recipient outside the company, and only those recipients. */
    EXTERNAL
}
