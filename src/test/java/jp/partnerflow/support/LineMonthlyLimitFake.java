package jp.partnerflow.support;

import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

/**
 * The fake LINE's plan: a stub that names this transformer accepts as many pushes as the month has
 * left, exactly, however many arrive at once, then answers as LINE does at the monthly limit.
 */
public final class LineMonthlyLimitFake implements ResponseDefinitionTransformerV2 {
    public static final String NAME = "line-monthly-limit";
    private static final AtomicInteger LEFT = new AtomicInteger(Integer.MAX_VALUE);
    private static final AtomicInteger ACCEPTED = new AtomicInteger();

    /** The month has this many pushes left (and none accepted so far). */
    public static void left(int pushes) {
        LEFT.set(pushes);
        ACCEPTED.set(0);
    }

    public static int accepted() {
        return ACCEPTED.get();
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        if (LEFT.getAndDecrement() > 0) {
            ACCEPTED.incrementAndGet();
            return serveEvent.getResponseDefinition();
        }
        return aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"You have reached your monthly limit.\"}").build();
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }
}
