package jp.partnerflow.line;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.test.context.TestComponent;

import jp.partnerflow.partner.LineUser;

/**
 * A feature whose postback fails as often as a test says (as a real one fails when its database
 * or a downstream service is away), so that the retry path of LINE events can be seen end to end.
 */
@TestComponent
public class FlakyPostbacks implements PostbackHandler {
    public static final String ACTION = "test-flaky";
    public static final String DONE = "テスト操作を受け付けました";

    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final AtomicInteger handled = new AtomicInteger();

    public void failNext(int times) {
        failuresLeft.set(times);
    }

    public int handled() {
        return handled.get();
    }

    @Override
    public Set<String> actions() {
        return Set.of(ACTION);
    }

    @Override
    public LineReply handle(LineUser tapper, String action, Map<String, String> params) {
        if (failuresLeft.getAndDecrement() > 0) {
            throw new IllegalStateException("flaky feature is down");
        }
        handled.incrementAndGet();
        return new LineReply.Text(DONE);
    }
}
