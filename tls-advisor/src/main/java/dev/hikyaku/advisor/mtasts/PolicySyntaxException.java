package dev.hikyaku.advisor.mtasts;

/** An MTA-STS TXT record or policy file that breaks RFC 8461's grammar; the message names the fault. */
public final class PolicySyntaxException extends Exception {
    private static final long serialVersionUID = 1L;

    PolicySyntaxException(String fault) {
        super(fault);
    }
}
