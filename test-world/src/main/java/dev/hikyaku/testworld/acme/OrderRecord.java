package dev.hikyaku.testworld.acme;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * The server's side of one order, with its one authorization and email-reply-00 challenge (the world's state, so
 * mutable and guarded by the world's lock).
 */
final class OrderRecord {
    final int id;
    final String accountUrl;
    final String thumbprint;
    final String email;
    final String tokenPart1;
    final String tokenPart2;
    String status = "pending";
    String challengeStatus = "pending";
    boolean triggered;
    Optional<String> error = Optional.empty();
    List<X509Certificate> chain = List.of();

    OrderRecord(int id, String accountUrl, String thumbprint, String email, String tokenPart1, String tokenPart2) {
        this.id = id;
        this.accountUrl = accountUrl;
        this.thumbprint = thumbprint;
        this.email = email;
        this.tokenPart1 = tokenPart1;
        this.tokenPart2 = tokenPart2;
    }

    /** The authorization's status follows its one challenge. */
    String authorizationStatus() {
        return challengeStatus.equals("processing") ? "pending" : challengeStatus;
    }
}
