package dev.hikyaku.smime.acme;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.shredzone.acme4j.Login;
import org.shredzone.acme4j.challenge.TokenChallenge;
import org.shredzone.acme4j.toolbox.JSON;

/**
 * The email-reply-00 challenge (RFC 8823 section 3): token part 2 and the challenge mail's sender come with it,
 * token part 1 comes in the mail; the response is the digest of the key authorization of both parts together.
 */
final class EmailReplyChallenge extends TokenChallenge {
    static final String TYPE = "email-reply-00";
    private static final long serialVersionUID = 1L;

    EmailReplyChallenge(Login login, JSON data) {
        super(login, data);
    }

    /** The address the challenge mail comes from. */
    String from() {
        return getJSON().get("from").asString();
    }

    /** The base64url SHA-256 of the key authorization for token part 1 followed by this challenge's part 2. */
    String digest(String tokenPart1) {
        String keyAuthorization = keyAuthorizationFor(tokenPart1 + getToken());
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(keyAuthorization.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    protected boolean acceptable(String type) {
        return TYPE.equals(type);
    }
}
