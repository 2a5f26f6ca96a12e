package jp.partnerflow.line;

import java.io.Serializable;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Service;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriComponentsBuilder;

import com.fasterxml.jackson.databind.JsonNode;

import jp.partnerflow.partner.Consent;

/**
 * LINE Login v2.1 for partners: the authorization request ({@code openid profile email},
 * {@code bot_prompt=aggressive}, a fresh state and nonce per attempt), and the callback: the code
 * exchanged at the token endpoint, the ID token verified ({@link LineIdToken}), and whether the user
 * is now a friend of the official account.
 */
@Service
public class LineLogin {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final LineLoginProperties settings;
    private final RestClient http;
    private final Clock clock;

    LineLogin(LineLoginProperties settings, RestClient.Builder http, Clock clock) {
        this.settings = settings;
        this.http = http.build();
        this.clock = clock;
    }

    /**
     * One login in progress, kept in the partner's session until LINE calls back, and used once.
     *
     * @param partnerId the partner registering (from their invitation), or null for a login
     */
    public record Attempt(String state, String nonce, Instant startedAt, Long partnerId, Set<Consent> consents)
            implements Serializable {
    }

    /** The signed-in LINE user, and whether they are a friend of the official account now. */
    public record SignedIn(LineIdToken token, boolean friend) {
    }

    public boolean enabled() {
        return settings.enabled();
    }

    public Attempt start(Long registeringPartnerId, Set<Consent> consents) {
        return new Attempt(random(), random(), clock.instant(), registeringPartnerId, Set.copyOf(consents));
    }

    public URI authorizeUri(Attempt attempt, URI callback) {
        return UriComponentsBuilder.fromUri(settings.authorizeUrl())
                .queryParam("response_type", "code")
                .queryParam("client_id", settings.channelId())
                .queryParam("redirect_uri", callback)
                .queryParam("state", attempt.state())
                .queryParam("scope", "openid profile email")
                .queryParam("nonce", attempt.nonce())
                .queryParam("bot_prompt", "aggressive")
                .encode().build().toUri();
    }

    /** The callback of the attempt: state, age, code, ID token; a failure says what did not hold. */
    public SignedIn callback(Attempt attempt, String state, String code, URI callback) {
        if (attempt == null || state == null || !attempt.state().equals(state)) {
            throw new LineLoginException("the state is not the one of a login started in this session");
        }
        if (clock.instant().isAfter(attempt.startedAt().plus(settings.attemptValidFor()))) {
            throw new LineLoginException("the login was started too long ago");
        }
        if (code == null || code.isBlank()) {
            throw new LineLoginException("LINE sent no code");
        }
        JsonNode tokens = exchange(code, callback);
        LineIdToken token = LineIdToken.verify(tokens.path("id_token").asText(null), settings.channelId(),
                settings.channelSecret(), attempt.nonce(), clock.instant());
        return new SignedIn(token, friend(tokens.path("access_token").asText("")));
    }

    private JsonNode exchange(String code, URI callback) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "authorization_code");
        form.add("code", code);
        form.add("redirect_uri", callback.toString());
        form.add("client_id", settings.channelId());
        form.add("client_secret", settings.channelSecret());
        try {
            return http.post().uri(settings.tokenUrl()).contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form)
                    .retrieve().body(JsonNode.class);
        } catch (RestClientException e) {
            throw new LineLoginException("LINE did not exchange the code: " + e.getMessage());
        }
    }

    private boolean friend(String accessToken) {
        try {
            JsonNode status = http.get().uri(settings.friendshipUrl()).header("Authorization", "Bearer " + accessToken)
                    .retrieve().body(JsonNode.class);
            return status != null && status.path("friendFlag").asBoolean(false);
        } catch (RestClientException e) {
            return false; // the next follow event tells
        }
    }

    private static String random() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
