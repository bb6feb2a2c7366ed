package dev.hikyaku.gateway.release;

/** What happens to mail whose time passed long ago, typically because the PC slept or was off. */
public enum OverduePolicy {
    /** Wait for the user to send or cancel it (the default). */
    ASK,
    /** Send it anyway. */
    SEND
}
