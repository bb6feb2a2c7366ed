package dev.hikyaku.testworld.smtp;

import java.util.Objects;

/**
 * Credentials a fixture submission server accepts.
 *
 * @param username the user name (for XOAUTH2 the {@code user=} value)
 * @param secret the password, or the bearer token when {@code bearerToken}
 * @param bearerToken whether the secret is an OAuth2 token, accepted by XOAUTH2 only; a password is accepted by
 *                    PLAIN and LOGIN only
 */
public record SubmissionAccount(String username, String secret, boolean bearerToken) {

    /** Checks the fields. */
    public SubmissionAccount {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(secret, "secret");
    }

    /** A user name and password for PLAIN and LOGIN. */
    public static SubmissionAccount password(String username, String password) {
        return new SubmissionAccount(username, password, false);
    }

    /** A user name and OAuth2 bearer token for XOAUTH2. */
    public static SubmissionAccount oauth(String username, String token) {
        return new SubmissionAccount(username, token, true);
    }

    @Override
    public String toString() {
        return "SubmissionAccount[" + username + (bearerToken ? ", token" : ", password") + "]";
    }
}
