package dev.hikyaku.app.clients.thunderbird;

import dev.hikyaku.app.clients.LocalSubmission;
import java.util.List;

/**
 * What pointing one outgoing server at Hikyaku would change, to show before it is done.
 *
 * @param profile the profile
 * @param server the outgoing server as it is now
 * @param target where it would send: 127.0.0.1, the gateway's port, STARTTLS, the user name kept
 * @param accounts every account sending through this server (an outgoing server can be shared)
 * @param switchesToNormalPassword whether the sign-in changes from "Encrypted password" (CRAM-MD5, which a proxy
 *                                 cannot pass on) to "Normal password" (protected by STARTTLS to the gateway)
 */
public record SetupPlan(ThunderbirdProfile profile, SmtpServer server, LocalSubmission target,
                        List<ThunderbirdAccount> accounts, boolean switchesToNormalPassword) {
    /** Copies the list. */
    public SetupPlan {
        accounts = List.copyOf(accounts);
    }
}
