package jp.partnerflow.cluster;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * LINE's retry-key rule at the fake's wire: a push whose X-Line-Retry-Key was accepted before
 * answers 409 and delivers nothing, so the fake counts exactly what a partner would see.
 */
class LineRetryKeys implements ResponseDefinitionTransformerV2 {
    private final Set<String> accepted = ConcurrentHashMap.newKeySet();
    private final AtomicInteger delivered = new AtomicInteger();
    private final AtomicInteger duplicates = new AtomicInteger();

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        String key = serveEvent.getRequest().getHeader("X-Line-Retry-Key");
        if (key != null && !accepted.add(key)) {
            duplicates.incrementAndGet();
            return ResponseDefinitionBuilder.responseDefinition().withStatus(409).withHeader("Content-Type", "application/json")
                    .withBody("{\"message\":\"The retry key is already accepted\"}").build();
        }
        delivered.incrementAndGet();
        return serveEvent.getResponseDefinition();
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public String getName() {
        return "line-retry-keys";
    }

    int delivered() {
        return delivered.get();
    }

    int duplicates() {
        return duplicates.get();
    }
}
