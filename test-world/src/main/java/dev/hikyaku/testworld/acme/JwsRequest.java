package dev.hikyaku.testworld.acme;

import java.io.IOException;
import java.security.PublicKey;
import java.util.Map;
import java.util.Optional;
import org.jose4j.json.JsonUtil;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;

/**
 * One ACME request body (RFC 8555 section 6.2): a flattened JWS whose protected header names the nonce, the URL and
 * either the account's key ({@code jwk}, for a new account) or its URL ({@code kid}).
 *
 * @param nonce   the nonce the client used
 * @param url     the URL the client says it posted to
 * @param jwk     the key sent along, for a new account
 * @param kid     the account URL, for every other request
 * @param payload the payload text (empty for POST-as-GET)
 * @param jws     the parsed signature, still to be verified with the right key
 */
record JwsRequest(String nonce, String url, Optional<PublicJsonWebKey> jwk, Optional<String> kid, String payload,
                  JsonWebSignature jws) {

    /** Parses the body; the signature is not checked yet (the key may be the account's, found by {@code kid}). */
    static JwsRequest parse(String body) throws IOException {
        try {
            Map<String, Object> flattened = JsonUtil.parseJson(body);
            JsonWebSignature jws = new JsonWebSignature();
            jws.setCompactSerialization(text(flattened, "protected") + "." + text(flattened, "payload") + "."
                    + text(flattened, "signature"));
            String nonce = jws.getHeaders().getStringHeaderValue("nonce");
            String url = jws.getHeaders().getStringHeaderValue("url");
            Object jwk = jws.getHeaders().getObjectHeaderValue("jwk");
            String kid = jws.getHeaders().getStringHeaderValue("kid");
            if (nonce == null || url == null || (jwk == null) == (kid == null)) {
                throw new IOException("the protected header needs nonce, url and exactly one of jwk and kid");
            }
            Optional<PublicJsonWebKey> key = Optional.empty();
            if (jwk instanceof Map<?, ?> map) {
                @SuppressWarnings("unchecked")
                Map<String, Object> parameters = (Map<String, Object>) map;
                key = Optional.of((PublicJsonWebKey) JsonWebKey.Factory.newJwk(parameters));
            }
            return new JwsRequest(nonce, url, key, Optional.ofNullable(kid), jws.getUnverifiedPayload(), jws);
        } catch (JoseException | ClassCastException e) {
            throw new IOException("not a JWS: " + e.getMessage(), e);
        }
    }

    /** Whether the signature verifies with the key. */
    boolean signedBy(PublicKey key) {
        try {
            jws.setKey(key);
            return jws.verifySignature();
        } catch (JoseException e) {
            return false;
        }
    }

    /** The payload as a JSON object (empty for POST-as-GET). */
    Map<String, Object> json() throws IOException {
        if (payload.isEmpty()) {
            return Map.of();
        }
        try {
            return JsonUtil.parseJson(payload);
        } catch (JoseException e) {
            throw new IOException("the payload is not JSON", e);
        }
    }

    private static String text(Map<String, Object> map, String key) throws IOException {
        if (!(map.get(key) instanceof String value)) {
            throw new IOException("the JWS lacks " + key);
        }
        return value;
    }
}
