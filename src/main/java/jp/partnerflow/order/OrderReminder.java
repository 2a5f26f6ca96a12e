package jp.partnerflow.order;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** {@code ${orderReminder.after}}: the reminder timer of purchase-order.bpmn, an ISO-8601 duration. */
@Component("orderReminder")
public class OrderReminder {
    private final String after;

    public OrderReminder(@Value("${partnerflow.order.reminder-after}") String after) {
        this.after = after;
    }

    public String getAfter() {
        return after;
    }
}
