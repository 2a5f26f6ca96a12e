package jp.partnerflow.order;

import java.util.List;

import org.springframework.stereotype.Component;

import jp.partnerflow.partner.PartnerTodos;

/** 発注書を確認する: every order that waits for the partner's decision (no deadline; a reminder follows). */
@Component
class OrderTodos implements PartnerTodos {
    private final PurchaseOrders orders;

    OrderTodos(PurchaseOrders orders) {
        this.orders = orders;
    }

    @Override
    public List<Todo> of(long partnerId) {
        return orders.ofPartner(partnerId).stream().filter(order -> order.status() == OrderStatus.ISSUED)
                .map(order -> new Todo("発注書を確認する", order.title() + "（" + order.number() + "）", null,
                        "/partner/orders/" + order.id()))
                .toList();
    }
}
