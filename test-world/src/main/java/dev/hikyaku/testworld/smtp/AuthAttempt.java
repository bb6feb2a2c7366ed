package dev.hikyaku.testworld.smtp;

/**
 * One AUTH exchange a fixture server saw.
 *
 * @param mechanism the SASL mechanism, upper case, e.g. {@code PLAIN}
 * @param authorizationId the PLAIN authorization identity, empty when none was given (and for other mechanisms)
 * @param username the user name the client gave
 * @param accepted whether the server answered 235
 */
public record AuthAttempt(String mechanism, String authorizationId, String username, boolean accepted) {
}
