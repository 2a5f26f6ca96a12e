package jp.partnerflow.line;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A LINE Login web ID token, checked as LINE documents it: HS256 with the channel secret, issuer
 * {@code https://access.line.me}, audience = the channel id, not expired, and the nonce of this
 * login. Any failure is a {@link LineLoginException} naming what did not hold.
 *
 * @param sub the LINE user id (the same as the Messaging API's when both channels share a provider)
 * @param email the e-mail address LINE has for the user (needs the e-mail permission), or null
 */
public record LineIdToken(String sub, String email, String name) {
    static final String ISSUER = "https://access.line.me";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Decoder BASE64URL = Base64.getUrlDecoder();

    static LineIdToken verify(String token, String channelId, String channelSecret, String nonce, Instant now) {
        String[] parts = token == null ? new String[0] : token.split("\\.");
        if (parts.length != 3) {
            throw new LineLoginException("the ID token is not a JWT");
        }
        JsonNode header = json(parts[0]);
        if (!"HS256".equals(header.path("alg").asText())) {
            throw new LineLoginException("the ID token is not signed with HS256");
        }
        byte[] expected = hmac(channelSecret, parts[0] + "." + parts[1]);
        byte[] signature;
        try {
            signature = BASE64URL.decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new LineLoginException("the ID token's signature is not Base64url");
        }
        if (!MessageDigest.isEqual(expected, signature)) {
            throw new LineLoginException("the ID token's signature does not match the channel secret");
        }
        JsonNode claims = json(parts[1]);
        if (!ISSUER.equals(claims.path("iss").asText())) {
            throw new LineLoginException("the ID token was not issued by LINE (iss " + claims.path("iss").asText() + ")");
        }
        if (!channelId.equals(claims.path("aud").asText())) {
            throw new LineLoginException("the ID token is for another channel (aud " + claims.path("aud").asText() + ")");
        }
        if (!claims.path("exp").canConvertToLong() || now.getEpochSecond() >= claims.path("exp").asLong()) {
            throw new LineLoginException("the ID token has expired");
        }
        if (nonce == null || !nonce.equals(claims.path("nonce").asText(null))) {
            throw new LineLoginException("the ID token's nonce is not the one of this login");
        }
        String sub = claims.path("sub").asText("");
        if (sub.isBlank()) {
            throw new LineLoginException("the ID token names no user");
        }
        return new LineIdToken(sub, claims.path("email").asText(null), claims.path("name").asText(null));
    }

    private static JsonNode json(String part) {
        try {
            return JSON.readTree(new String(BASE64URL.decode(part), StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new LineLoginException("the ID token cannot be read");
        }
    }

    private static byte[] hmac(String secret, String signed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(signed.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
