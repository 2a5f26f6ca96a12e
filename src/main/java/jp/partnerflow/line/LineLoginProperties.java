package jp.partnerflow.line;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * LINE Login v2.1 (partners signing in to their pages). The secret verifies ID tokens and is never
 * logged: {@link #toString()} hides it.
 *
 * @param authorizeUrl LINE's authorization endpoint (a local fake in tests and the sandbox)
 * @param tokenUrl LINE's token endpoint
 * @param friendshipUrl whether the signed-in user is a friend of the official account
 * @param attemptValidFor how long a started login's state and nonce are accepted
 */
@ConfigurationProperties("partnerflow.line.login")
public record LineLoginProperties(String channelId, String channelSecret, URI authorizeUrl, URI tokenUrl,
        URI friendshipUrl, Duration attemptValidFor) {

    public boolean enabled() {
        return channelId != null && !channelId.isBlank() && channelSecret != null && !channelSecret.isBlank();
    }

    @Override
    public String toString() {
        return "LineLoginProperties[channelId=" + channelId + ", authorizeUrl=" + authorizeUrl + ", tokenUrl=" + tokenUrl
                + ", " + (enabled() ? "enabled" : "disabled") + "]";
    }
}
