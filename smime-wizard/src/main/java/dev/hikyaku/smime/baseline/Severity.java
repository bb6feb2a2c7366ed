package dev.hikyaku.smime.baseline;

/** How much a problem matters. */
public enum Severity {
    /** The certificate must not be used: the wizard refuses it. */
    ERROR,
    /** The certificate works, with a limit the user should know about. */
    WARNING
}
