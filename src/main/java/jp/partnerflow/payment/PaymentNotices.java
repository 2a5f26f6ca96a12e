package jp.partnerflow.payment;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jp.partnerflow.billing.BillingMonths;
import jp.partnerflow.billing.InvoiceApproved;
import jp.partnerflow.billing.InvoiceAmounts;
import jp.partnerflow.billing.InvoiceView;
import jp.partnerflow.billing.Invoices;
import jp.partnerflow.company.Companies;
import jp.partnerflow.company.PaymentTerms;
import jp.partnerflow.line.LineCard;
import jp.partnerflow.notification.NoticeAction;
import jp.partnerflow.notification.NoticeType;
import jp.partnerflow.notification.NotifyPartner;
import jp.partnerflow.notification.PartnerNotice;
import jp.partnerflow.order.PurchaseOrder;
import jp.partnerflow.order.PurchaseOrders;
import jp.partnerflow.order.TaxRate;
import jp.partnerflow.partner.PartnerPrincipal;
import jp.partnerflow.partner.Partners;
import jp.partnerflow.platform.CaseKey;
import jp.partnerflow.platform.ConflictException;
import jp.partnerflow.platform.InvalidFieldException;
import jp.partnerflow.platform.NotFoundException;
import jp.partnerflow.platform.Sequences;

/**
 * The payment-notice feature's public API and its process steps. A notice is final once approved,
 * by the partner or by the deadline; a later correction is a new version under the same number.
 */
@Service("paymentNotices")
public class PaymentNotices implements PaymentNoticeSteps {
    static final String DEADLINE_ACTOR = "deadline";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("M月d日");

    private final PaymentNoticeRepository notices;
    private final Invoices invoices;
    private final PurchaseOrders orders;
    private final Partners partners;
    private final Companies companies;
    private final NotifyPartner notifyPartner;
    private final RuntimeService runtime;
    private final Sequences sequences;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final String publicBaseUrl;

    PaymentNotices(PaymentNoticeRepository notices, Invoices invoices, PurchaseOrders orders, Partners partners,
            Companies companies, NotifyPartner notifyPartner, RuntimeService runtime, Sequences sequences,
            ApplicationEventPublisher events, Clock clock, @Value("${partnerflow.public-base-url}") String publicBaseUrl) {
        this.notices = notices;
        this.invoices = invoices;
        this.orders = orders;
        this.partners = partners;
        this.companies = companies;
        this.notifyPartner = notifyPartner;
        this.runtime = runtime;
        this.sequences = sequences;
        this.events = events;
        this.clock = clock;
        this.publicBaseUrl = publicBaseUrl;
    }

    /** Writes the payment notice of an approved invoice and starts its process (once per invoice). */
    @EventListener
    @Transactional
    public void issueFor(InvoiceApproved approved) {
        long invoiceId = approved.invoiceId();
        if (notices.findByInvoiceId(invoiceId).isPresent()) {
            return;
        }
        InvoiceView invoice = invoices.view(invoiceId);
        PurchaseOrder order = orders.get(invoice.orderId());
        LocalDate paymentDate = order.paymentTerms().paymentDateFor(invoice.closingDate());
        mustBeWithinLegalLimit(invoice.closingDate(), paymentDate);
        InvoiceAmounts amounts = invoice.amounts();
        PaymentNotice.Version first = new PaymentNotice.Version(1, subtotal(amounts, TaxRate.TEN_PERCENT),
                tax(amounts, TaxRate.TEN_PERCENT), subtotal(amounts, TaxRate.EIGHT_PERCENT),
                tax(amounts, TaxRate.EIGHT_PERCENT), subtotal(amounts, TaxRate.NON_TAXABLE), amounts.expenses(),
                amounts.withholding(), amounts.amountToPay(), paymentDate, null, null, null);
        String number = sequences.documentNumber("PN", "payment_notice_number_seq", clock.instant());
        PaymentNotice notice = notices.save(new PaymentNotice(null, number, invoiceId, order.partnerId(), order.id(),
                invoice.billingMonth(), invoice.closingDate(), PaymentNotice.Status.PREPARED, null, clock.instant(),
                "未連携", null, null, List.of(first), List.of()));
        start(notice);
    }

    @Override
    @Transactional
    public Date send(long paymentNoticeId) {
        PaymentNotice notice = locked(paymentNoticeId);
        Instant now = clock.instant();
        int days = companies.get(partners.get(notice.partnerId()).companyId()).paymentNoticeConfirmationDays();
        Instant deadline = ConfirmationDeadline.of(now, days);
        PaymentNotice.Version version = notice.latest().sent(now, deadline);
        notices.save(notice.withLatest(version).with(PaymentNotice.Status.SENT,
                new PaymentNotice.Event(version.version(), PaymentNotice.EventKind.SENT, "system", null, now)));
        String page = page(notice);
        notifyPartner.send(new PartnerNotice(notice.partnerId(), NoticeType.PAYMENT_NOTICE_SENT,
                "%s %s\nお支払額 %,d円（%sお支払い）\n確認期限 %s".formatted(BillingMonths.inJapanese(notice.billingMonth()),
                        notice.number(), version.amountPaid(), DAY.format(version.paymentDate()),
                        ConfirmationDeadline.inJapanese(deadline)),
                page, List.of(NoticeAction.answer("承認する", PaymentNoticePostbacks.data(PaymentNoticePostbacks.APPROVE,
                        notice.id())), NoticeAction.link("内容を見る", page)),
                new LineCard(BillingMonths.inJapanese(notice.billingMonth()) + "の支払通知書", List.of(
                        LineCard.row("番号", notice.number()),
                        LineCard.row("お支払額", "%,d円".formatted(version.amountPaid())),
                        LineCard.row("お支払日", DAY.format(version.paymentDate())),
                        LineCard.row("確認期限", ConfirmationDeadline.inJapanese(deadline))), null)));
        return Date.from(deadline);
    }

    @Override
    @Transactional
    public void handOver(long paymentNoticeId) {
        events.publishEvent(new PaymentNoticeApproved(paymentNoticeId));
    }

    @Override
    @Transactional
    public void autoApprove(long paymentNoticeId) {
        PaymentNotice notice = locked(paymentNoticeId);
        if (notice.status() != PaymentNotice.Status.SENT) {
            return; // the partner decided first
        }
        Instant now = clock.instant();
        notices.save(notice.with(PaymentNotice.Status.AUTO_APPROVED, new PaymentNotice.Event(notice.latest().version(),
                PaymentNotice.EventKind.AUTO_APPROVED, DEADLINE_ACTOR, null, now)));
        notifyPartner.send(new PartnerNotice(notice.partnerId(), NoticeType.PAYMENT_NOTICE_AUTO_APPROVED,
                "%s %s\n確認期限までにご連絡がなかったため、承認済みとなりました。".formatted(BillingMonths.inJapanese(notice.billingMonth()),
                        notice.number()),
                page(notice), List.of(NoticeAction.link("内容を見る", page(notice)))));
    }

    /** The few columns a LINE tap checks (whose, which, where it stands), not the whole notice. */
    Optional<PaymentNoticeReference> findReference(long id) {
        return notices.findReferenceById(id);
    }

    PaymentNoticeReference reference(long id) {
        return findReference(id).orElseThrow(() -> new NotFoundException("payment notice", id));
    }

    /** The partner confirms the notice they were sent (LINE or page). */
    @Transactional
    public PaymentNotice approveByPartner(long partnerId, long paymentNoticeId) {
        PaymentNotice notice = lockedFor(partnerId, paymentNoticeId);
        mustBeWaitingForThePartner(notice);
        PaymentNotice approved = notices.save(notice.with(PaymentNotice.Status.APPROVED, new PaymentNotice.Event(
                notice.latest().version(), PaymentNotice.EventKind.APPROVED, "partner:" + partnerId, null, clock.instant())));
        runtime.createMessageCorrelation(PaymentNoticeProcess.MSG_APPROVED)
                .processInstanceId(notice.processInstanceId()).correlate();
        return approved;
    }

    /** The partner objects; accounting corrects the notice in Tasklist and sends it again. */
    @Transactional
    public PaymentNotice returnByPartner(long partnerId, long paymentNoticeId, String reason) {
        PaymentNotice notice = lockedFor(partnerId, paymentNoticeId);
        mustBeWaitingForThePartner(notice);
        PaymentNotice returned = notices.save(notice.with(PaymentNotice.Status.RETURNED, new PaymentNotice.Event(
                notice.latest().version(), PaymentNotice.EventKind.RETURNED, "partner:" + partnerId, reason.strip(),
                clock.instant())));
        runtime.createMessageCorrelation(PaymentNoticeProcess.MSG_RETURNED)
                .processInstanceId(notice.processInstanceId()).correlate();
        return returned;
    }

    /** Accounting's correction of a returned notice (the Tasklist task); the process sends it again. */
    @Transactional
    public void correctReturned(long paymentNoticeId, LocalDate paymentDate, String note, String staff) {
        PaymentNotice notice = locked(paymentNoticeId);
        if (notice.status() != PaymentNotice.Status.RETURNED) {
            throw new IllegalStateException("payment notice " + notice.number() + " is " + notice.status());
        }
        notices.save(corrected(notice, paymentDate, note, staff));
    }

    /** A correction of an approved (final) notice through the REST API: a new version, sent and confirmed again. */
    @Transactional
    public PaymentNotice correctApproved(long paymentNoticeId, LocalDate paymentDate, String note, String staff) {
        return start(notices.save(correctedApproved(locked(paymentNoticeId), paymentDate, note, staff)));
    }

    /** The same from the Tasklist start form, whose process instance is already running; returns the notice's id. */
    @Transactional
    public long correctApprovedFromForm(String number, LocalDate paymentDate, String note, String staff,
            String processInstanceId) {
        PaymentNotice notice = notices.findLockedByNumber(number)
                .orElseThrow(() -> new InvalidFieldException("noticeNumber", "no payment notice " + number));
        return notices.save(correctedApproved(notice, paymentDate, note, staff).withProcessInstanceId(processInstanceId))
                .id();
    }

    private PaymentNotice correctedApproved(PaymentNotice notice, LocalDate paymentDate, String note, String staff) {
        if (!notice.approved()) {
            throw new ConflictException("payment notice " + notice.number() + " is " + notice.status()
                    + "; only an approved notice is corrected this way (a returned one in its Tasklist task)");
        }
        return corrected(notice, paymentDate, note, staff);
    }

    /** レコード更新 after a 楽楽明細 run, one statement per field for all its notices: null leaves a field as it is. */
    @Transactional
    public void recordMeisaiFields(Collection<Long> paymentNoticeIds, String status, Instant issuedAt, String memo) {
        if (paymentNoticeIds.isEmpty()) {
            return;
        }
        if (status != null) {
            notices.setMeisaiStatus(paymentNoticeIds, status);
        }
        if (issuedAt != null) {
            notices.setMeisaiIssuedAt(paymentNoticeIds, issuedAt);
        }
        if (memo != null) {
            notices.setMeisaiMemo(paymentNoticeIds, memo);
        }
    }

    public PaymentNotice get(long paymentNoticeId) {
        return notices.findById(paymentNoticeId).orElseThrow(() -> new NotFoundException("payment notice", paymentNoticeId));
    }

    public PaymentNotice mine(PartnerPrincipal me, long paymentNoticeId) {
        PaymentNotice notice = get(paymentNoticeId);
        me.mustOwn("payment notice", paymentNoticeId, notice.partnerId());
        return notice;
    }

    /** The order's payment notices, one per approved invoice, oldest first. */
    public List<PaymentNotice> ofOrder(long orderId) {
        return notices.findByPurchaseOrderIdOrderById(orderId);
    }

    /** The partner's payment notices, newest first. */
    List<PaymentNotice> ofPartner(long partnerId) {
        return notices.findByPartnerIdOrderByIdDesc(partnerId);
    }

    public Optional<PaymentNotice> findByNumber(String number) {
        return notices.findByNumber(number);
    }

    public PaymentNotice ofInvoice(long invoiceId) {
        return notices.findByInvoiceId(invoiceId).orElseThrow(() -> new NotFoundException("payment notice of invoice", invoiceId));
    }

    private PaymentNotice corrected(PaymentNotice notice, LocalDate paymentDate, String note, String staff) {
        mustBeWithinLegalLimit(notice.workReceivedOn(), paymentDate);
        PaymentNotice.Version next = notice.latest().corrected(paymentDate, note);
        return notice.withNext(next).with(PaymentNotice.Status.PREPARED,
                new PaymentNotice.Event(next.version(), PaymentNotice.EventKind.CORRECTED, staff, note, clock.instant()));
    }

    /** The notice's process instance's business key: its partner and number. */
    String caseKey(PaymentNotice notice) {
        return CaseKey.of(partnerNameOf(notice), notice.number());
    }

    String partnerNameOf(PaymentNotice notice) {
        return partners.nameOf(notice.partnerId());
    }

    private PaymentNotice start(PaymentNotice notice) {
        String processInstanceId = runtime.startProcessInstanceByKey(PaymentNoticeProcess.ID, caseKey(notice),
                PaymentNoticeProcess.start(notice.id())).getId();
        return notices.save(locked(notice.id()).withProcessInstanceId(processInstanceId));
    }

    private static void mustBeWithinLegalLimit(LocalDate workReceived, LocalDate paymentDate) {
        if (!PaymentTerms.withinLegalLimit(workReceived, paymentDate)) {
            throw new InvalidFieldException("paymentDate", "must be at most " + PaymentTerms.LEGAL_LIMIT_DAYS
                    + " days after the work was received (" + workReceived + ", フリーランス法)");
        }
    }

    private static void mustBeWaitingForThePartner(PaymentNotice notice) {
        switch (notice.status()) {
            case SENT -> {
            }
            case APPROVED -> throw new ConflictException("payment notice " + notice.number() + " is approved already");
            case AUTO_APPROVED -> throw new ConflictException("payment notice " + notice.number()
                    + " was approved automatically when its confirmation deadline passed");
            default -> throw new ConflictException("payment notice " + notice.number()
                    + " is being corrected; the corrected version will be sent to you");
        }
    }

    private PaymentNotice locked(long paymentNoticeId) {
        return notices.findLockedById(paymentNoticeId)
                .orElseThrow(() -> new NotFoundException("payment notice", paymentNoticeId));
    }

    private PaymentNotice lockedFor(long partnerId, long paymentNoticeId) {
        PaymentNotice notice = locked(paymentNoticeId);
        new PartnerPrincipal(partnerId).mustOwn("payment notice", paymentNoticeId, notice.partnerId());
        return notice;
    }

    private String page(PaymentNotice notice) {
        return publicBaseUrl + "/partner/payment-notices/" + notice.id();
    }

    private static long subtotal(InvoiceAmounts amounts, TaxRate rate) {
        return amounts.rates().stream().filter(r -> r.rate() == rate).mapToLong(InvoiceAmounts.RateTotal::subtotal).sum();
    }

    private static long tax(InvoiceAmounts amounts, TaxRate rate) {
        return amounts.rates().stream().filter(r -> r.rate() == rate).mapToLong(InvoiceAmounts.RateTotal::tax).sum();
    }
}
