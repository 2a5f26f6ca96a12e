package jp.partnerflow.order;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jp.partnerflow.company.Companies;
import jp.partnerflow.company.Company;
import jp.partnerflow.company.PaymentTerms;
import jp.partnerflow.notification.NoticeAction;
import jp.partnerflow.notification.NoticeType;
import jp.partnerflow.notification.NotifyPartner;
import jp.partnerflow.notification.PartnerNotice;
import jp.partnerflow.partner.Partner;
import jp.partnerflow.partner.Partners;
import jp.partnerflow.platform.ConflictException;
import jp.partnerflow.line.LineCard;
import jp.partnerflow.platform.CaseKey;
import jp.partnerflow.platform.InvalidFieldException;
import jp.partnerflow.platform.NotFoundException;
import jp.partnerflow.platform.Sequences;

/** The purchase-order feature's public API, and the steps its process calls. */
@Service("purchaseOrders")
public class PurchaseOrders implements PurchaseOrderSteps {

    private final PurchaseOrderRepository orders;
    private final Partners partners;
    private final Companies companies;
    private final NotifyPartner notifyPartner;
    private final RuntimeService runtime;
    private final Sequences sequences;
    private final Clock clock;
    private final String publicBaseUrl;

    PurchaseOrders(PurchaseOrderRepository orders, Partners partners, Companies companies, NotifyPartner notifyPartner,
            RuntimeService runtime, Sequences sequences, Clock clock,
            @Value("${partnerflow.public-base-url}") String publicBaseUrl) {
        this.orders = orders;
        this.partners = partners;
        this.companies = companies;
        this.notifyPartner = notifyPartner;
        this.runtime = runtime;
        this.sequences = sequences;
        this.clock = clock;
        this.publicBaseUrl = publicBaseUrl;
    }

    /** Issues an order from the REST API: stores it and starts its process, in one transaction. */
    @Transactional
    public PurchaseOrder issue(long partnerId, OrderTerms terms, PaymentTerms paymentTerms) {
        PurchaseOrder order = register(partnerId, terms, paymentTerms, null);
        String processInstanceId = runtime.startProcessInstanceByKey(PurchaseOrderProcess.ID, caseKey(order),
                PurchaseOrderProcess.start(order.id())).getId();
        return orders.save(get(order.id()).withProcessInstanceId(processInstanceId));
    }

    /** The order's process instance's business key: its partner and number. */
    String caseKey(PurchaseOrder order) {
        return CaseKey.of(partnerNameOf(order), order.number());
    }

    String partnerNameOf(PurchaseOrder order) {
        return partners.nameOf(order.partnerId());
    }

    /** Stores a new order; the Tasklist start form calls this from inside its already started process. */
    @Transactional
    PurchaseOrder register(long partnerId, OrderTerms terms, PaymentTerms paymentTerms, String processInstanceId) {
        Partner partner = partners.find(partnerId)
                .orElseThrow(() -> new InvalidFieldException("partnerId", "no such partner"));
        Company company = companies.get(partner.companyId());
        PaymentTerms payment = paymentTerms != null ? paymentTerms : company.paymentTerms();
        payment.legalLimitBreach(company.closingDay()).ifPresent(breach -> {
            throw new InvalidFieldException("paymentTerms", breach);
        });
        String number = sequences.documentNumber("PO", "purchase_order_number_seq", clock.instant());
        return orders.save(new PurchaseOrder(null, number, partnerId, terms.title(), terms.workContent(),
                terms.periodStart(), terms.periodEnd(), terms.fee(), terms.feeType(), terms.taxRate(), payment,
                OrderStatus.ISSUED, 0,
                processInstanceId, clock.instant(), null, null, null));
    }

    /** The company an order is for (that of its partner). */
    public long companyOf(long orderId) {
        return partners.companyOfPartner(get(orderId).partnerId());
    }

    public Optional<PurchaseOrder> findByNumber(String number) {
        return orders.findByNumber(number);
    }

    public PurchaseOrder get(long id) {
        return orders.findById(id).orElseThrow(() -> new NotFoundException("purchase order", id));
    }

    public OrderReference reference(long id) {
        return findReference(id).orElseThrow(() -> new NotFoundException("purchase order", id));
    }

    Optional<OrderReference> findReference(long id) {
        return orders.findReferenceById(id);
    }

    /** The partner's orders, oldest first. */
    public List<PurchaseOrder> ofPartner(long partnerId) {
        return orders.findByPartnerIdOrderById(partnerId);
    }

    // --- the partner's decision -------------------------------------------------------------

    /**
     * The partner approves after the final confirmation; the process records it. The caller has read
     * the order (its reference) to check whose it is; the whole order is read once, by the step.
     */
    @Transactional
    public void partnerApproves(OrderReference order) {
        decide(order, PurchaseOrderProcess.MSG_APPROVED);
    }

    @Transactional
    public void partnerDeclines(OrderReference order) {
        decide(order, PurchaseOrderProcess.MSG_DECLINED);
    }

    private void decide(OrderReference order, String message) {
        if (order.status() != OrderStatus.ISSUED) {
            throw new ConflictException("purchase order " + order.number() + " is " + order.status()
                    + ", not waiting for the partner's decision");
        }
        try {
            // a decision taken meanwhile has moved the process on: the message finds no one waiting
            runtime.createMessageCorrelation(message).processInstanceId(orders.findProcessInstanceIdById(order.id()))
                    .correlate();
        } catch (MismatchingMessageCorrelationException e) {
            throw new ConflictException("purchase order " + order.number() + " is not waiting for a decision");
        }
    }

    // --- steps of purchase-order.bpmn -----------------------------------------------------------

    @Override
    @Transactional
    public void notifyIssued(long orderId) {
        notifyPartner.send(notice(get(orderId), NoticeType.ORDER_ISSUED));
    }

    @Override
    @Transactional
    public void remindPartner(long orderId) {
        PurchaseOrder order = get(orderId);
        if (order.status() == OrderStatus.ISSUED) {
            notifyPartner.send(notice(order, NoticeType.ORDER_REMINDER));
        }
    }

    @Override
    @Transactional
    public void approve(long orderId) {
        orders.save(get(orderId).approved(clock.instant()));
    }

    @Override
    @Transactional
    public void decline(long orderId) {
        orders.save(get(orderId).declined(clock.instant()));
    }

    @Override
    @Transactional
    public void cancel(long orderId) {
        orders.save(get(orderId).cancelled(clock.instant()));
    }

    /** Staff revised a declined order: new terms, issued again. */
    @Transactional
    void reissue(long orderId, OrderTerms terms) {
        PurchaseOrder order = get(orderId);
        if (order.status() != OrderStatus.DECLINED) {
            throw new ConflictException("purchase order " + order.number() + " is " + order.status() + ", not declined");
        }
        orders.save(order.reissued(terms, clock.instant()));
    }

    String pageUrl(PurchaseOrder order) {
        return publicBaseUrl + "/partner/orders/" + order.id();
    }

    private static final java.time.format.DateTimeFormatter JAPANESE_DATE =
            java.time.format.DateTimeFormatter.ofPattern("yyyy年M月d日");

    private PartnerNotice notice(PurchaseOrder order, NoticeType type) {
        String body = "%s\n%s 報酬 %s%,d円（税抜）\n期間 %s〜%s".formatted(order.title(), order.number(),
                order.feeType().label(), order.fee(),
                order.periodStart(), order.periodEnd());
        LineCard card = new LineCard(order.title(), List.of(
                LineCard.row("発注番号", order.number()),
                LineCard.row("期間", JAPANESE_DATE.format(order.periodStart()) + "〜" + JAPANESE_DATE.format(order.periodEnd())),
                LineCard.row("報酬", "%s%,d円（税抜）".formatted(order.feeType().label(), order.fee())),
                LineCard.row("消費税", order.taxRate() == TaxRate.NON_TAXABLE ? "非課税" : order.taxRate().percent() + "%")), null);
        return new PartnerNotice(order.partnerId(), type, body, pageUrl(order), List.of(
                NoticeAction.answer("承認する", OrderPostbacks.data(OrderPostbacks.APPROVE, order.id())),
                NoticeAction.answer("辞退する", OrderPostbacks.data(OrderPostbacks.DECLINE, order.id()))), card);
    }
}
