package dev.hikyaku.testworld.https;

import java.util.Objects;

/** What the MTA-STS fixture answers for one policy host. */
public sealed interface PolicyResponse {

    /** The standard policy media type (RFC 8461, section 3.2). */
    String TEXT_PLAIN = "text/plain";

    /** 200 with the body exactly as given (so its line endings are the caller's choice) and the content type. */
    record Policy(String body, String contentType) implements PolicyResponse {

        /** Checks both parts are present. */
        public Policy {
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(contentType, "contentType");
        }
    }

    /** 404 Not Found. */
    record NotFound() implements PolicyResponse {
    }

    /** 301 Moved Permanently to the location, which RFC 8461 forbids a client to follow. */
    record Redirect(String location) implements PolicyResponse {
    }

    /** 200 text/plain with the policy padded by extra lines to the total size in bytes. */
    record Oversized(String policy, int totalBytes) implements PolicyResponse {
    }

    /** 200 with a promised length, the first part of the body, and then silence until the server closes. */
    record Stall(String bodyStart, int promisedBytes) implements PolicyResponse {
    }

    /** The policy as text/plain, lines as given. */
    static PolicyResponse policy(String body) {
        return new Policy(body, TEXT_PLAIN + "; charset=utf-8");
    }

    /** The policy as text/plain with every line ending turned into CRLF. */
    static PolicyResponse policyWithCrlf(String body) {
        return policy(body.replace("\r\n", "\n").replace("\n", "\r\n"));
    }

    /** The policy as text/plain with every line ending turned into a bare LF. */
    static PolicyResponse policyWithLf(String body) {
        return policy(body.replace("\r\n", "\n"));
    }

    /** The policy with another content type, e.g. {@code text/html}. */
    static PolicyResponse wrongContentType(String body, String contentType) {
        return new Policy(body, contentType);
    }

    /** 404. */
    static PolicyResponse notFound() {
        return new NotFound();
    }

    /** 301 to the location. */
    static PolicyResponse redirect(String location) {
        return new Redirect(location);
    }

    /** A policy padded past the 64 KiB that RFC 8461 clients should accept at most. */
    static PolicyResponse oversized(String policy) {
        return new Oversized(policy, 64 * 1024 + 1);
    }

    /** A response that sends its headers and the first line of the policy, then stalls. */
    static PolicyResponse stall(String policy) {
        int firstLine = policy.indexOf('\n') + 1;
        return new Stall(policy.substring(0, firstLine), policy.length());
    }
}
