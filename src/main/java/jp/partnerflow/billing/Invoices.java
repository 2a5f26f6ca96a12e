package jp.partnerflow.billing;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.InputStreamSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

import jp.partnerflow.line.LineCard;
import jp.partnerflow.notification.NoticeAction;
import jp.partnerflow.notification.NoticeType;
import jp.partnerflow.notification.NotifyPartner;
import jp.partnerflow.notification.PartnerNotice;
import jp.partnerflow.order.FeeType;
import jp.partnerflow.order.PurchaseOrder;
import jp.partnerflow.order.PurchaseOrders;
import jp.partnerflow.partner.Partner;
import jp.partnerflow.partner.PartnerKind;
import jp.partnerflow.partner.PartnerPrincipal;
import jp.partnerflow.partner.Partners;
import jp.partnerflow.platform.ConflictException;
import jp.partnerflow.platform.InvalidFieldException;
import jp.partnerflow.platform.NotFoundException;
import jp.partnerflow.platform.Sequences;

/**
 * The invoice feature's public API: the partner writes a month's invoice from its work report, checks
 * it and sends it; staff review it in the billing-month process, whose invoice steps are here too.
 */
@Service("invoices")
public class Invoices implements InvoiceSteps {

    private final InvoiceRepository invoices;
    private final InvoiceVersionRepository versions;
    private final InvoiceAttachmentRepository attachments;
    private final InvoiceAttachmentInfoRepository attachmentInfos;
    private final WorkReportRepository workReports;
    private final BillingMonths months;
    private final PurchaseOrders orders;
    private final Partners partners;
    private final NotifyPartner notifyPartner;
    private final RuntimeService runtime;
    private final Sequences sequences;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final String publicBaseUrl;
    private final DataSize attachmentMaxSize;

    Invoices(InvoiceRepository invoices, InvoiceVersionRepository versions, InvoiceAttachmentRepository attachments,
            InvoiceAttachmentInfoRepository attachmentInfos, WorkReportRepository workReports, BillingMonths months, PurchaseOrders orders, Partners partners,
            NotifyPartner notifyPartner, RuntimeService runtime, Sequences sequences, ApplicationEventPublisher events,
            Clock clock, @Value("${partnerflow.public-base-url}") String publicBaseUrl,
            @Value("${partnerflow.billing.attachment-max-size}") DataSize attachmentMaxSize) {
        this.invoices = invoices;
        this.versions = versions;
        this.attachments = attachments;
        this.attachmentInfos = attachmentInfos;
        this.workReports = workReports;
        this.months = months;
        this.orders = orders;
        this.partners = partners;
        this.notifyPartner = notifyPartner;
        this.runtime = runtime;
        this.sequences = sequences;
        this.events = events;
        this.clock = clock;
        this.publicBaseUrl = publicBaseUrl;
        this.attachmentMaxSize = attachmentMaxSize;
    }

    /**
     * A draft of an open billing month's invoice, filled in from the order and the month's work
     * report: an hourly order's hours × the hourly fee, or the monthly fee.
     */
    @Transactional
    public InvoiceView create(PartnerPrincipal me, long orderId, String billingMonth) {
        PurchaseOrder order = orders.get(orderId);
        me.mustOwn("order", orderId, order.partnerId());
        BillingMonth month = months.find(orderId, billingMonth)
                .orElseThrow(() -> new InvalidFieldException("billingMonth", "is not an open billing month of this order",
                        "この月はまだ登録できません。"));
        invoices.findByBillingMonthId(month.id()).ifPresent(existing -> {
            throw new ConflictException("the invoice of " + billingMonth + " exists already: " + existing.number()
                    + " (id " + existing.id() + ")");
        });
        Partner partner = partners.get(order.partnerId());
        Instant now = clock.instant();
        String number = sequences.documentNumber("INV", "invoice_number_seq", now);
        Invoice invoice = invoices.save(new Invoice(null, number, month.id(), partner.id(), Invoice.Status.DRAFT, now, List.of()));
        versions.save(new InvoiceVersion(null, invoice.id(), 1, billingMonth, partner.registrationNumber(),
                partner.kind() == PartnerKind.INDIVIDUAL, null, List.of(feeLine(order, month)), List.of(), now, null));
        return view(invoice);
    }

    /** The month's fee as the first line; an hourly order needs the month's work report for its hours. */
    private InvoiceLine feeLine(PurchaseOrder order, BillingMonth month) {
        String content = order.title() + "（" + BillingMonths.inJapanese(month.billingMonth()) + "）";
        if (order.feeType() == FeeType.MONTHLY) {
            return new InvoiceLine(content, BigDecimal.ONE, order.fee(), order.taxRate());
        }
        BigDecimal hours = workReports.findByBillingMonthId(month.id())
                .map(report -> report.entries().stream().map(WorkReport.Entry::hours).reduce(BigDecimal.ZERO, BigDecimal::add))
                .filter(sum -> sum.signum() > 0)
                .orElseThrow(() -> new InvalidFieldException("billingMonth",
                        "has no work report yet: register the month's work (稼動を登録する) first", "先に稼動を登録してください。"));
        return new InvoiceLine(content, hours, order.fee(), order.taxRate());
    }

    /** The partner changes the draft, or fixes a returned invoice (which starts its next version). */
    @Transactional
    public InvoiceView edit(PartnerPrincipal me, long invoiceId, InvoiceContent content) {
        Invoice invoice = lockMine(me, invoiceId);
        mustBeOpenForChanges(invoice);
        BillingMonth month = months.get(invoice.billingMonthId());
        YearMonth billingMonth = YearMonth.parse(month.billingMonth());
        YearMonth invoiceMonth = YearMonth.parse(content.invoiceMonth());
        if (invoiceMonth.isBefore(billingMonth) || invoiceMonth.isAfter(billingMonth.plusMonths(1))) {
            throw new InvalidFieldException("invoiceMonth",
                    "must be the billing month " + billingMonth + " or the month after", "対象月かその翌月を選んでください。");
        }
        if (content.attachmentId() != null) {
            InvoiceAttachment.Info attachment = attachmentInfos.findById(content.attachmentId())
                    .orElseThrow(() -> new InvalidFieldException("attachmentId", "no such attachment"));
            me.mustOwn("attachment", attachment.id(), attachment.partnerId());
        }
        InvoiceVersion latest = latest(invoiceId);
        Instant now = clock.instant();
        versions.save((latest.submitted() ? latest.next(now) : latest).with(content, now));
        return view(invoice);
    }

    /**
     * The partner sends the invoice after checking it: {@code confirmedInvoiceMonth} is the month the
     * confirmation showed, and must still be the invoice's. The month's process takes it to review.
     */
    @Transactional
    public InvoiceView submit(PartnerPrincipal me, long invoiceId, String confirmedInvoiceMonth) {
        Invoice invoice = lockMine(me, invoiceId);
        mustBeOpenForChanges(invoice);
        InvoiceVersion latest = latest(invoiceId);
        if (!latest.invoiceMonth().equals(confirmedInvoiceMonth)) {
            throw new InvalidFieldException("invoiceMonth", "does not match the invoice's month " + latest.invoiceMonth()
                    + ": check the invoice and confirm its month again");
        }
        Instant now = clock.instant();
        InvoiceVersion sent = versions.save((latest.submitted() ? latest.next(now) : latest).submitted(now));
        String message = invoice.status() == Invoice.Status.RETURNED ? BillingMonthProcess.MSG_INVOICE_RESUBMITTED
                : BillingMonthProcess.MSG_INVOICE_SUBMITTED;
        Invoice submitted = invoices.save(invoice.withStatus(Invoice.Status.SUBMITTED));
        runtime.createMessageCorrelation(message)
                .processInstanceId(months.get(invoice.billingMonthId()).processInstanceId())
                .setVariables(BillingMonthProcess.invoiceSent(invoiceId, sent.amounts().total()))
                .correlate();
        return view(submitted);
    }

    /** A report file for an invoice: PDF, PNG or JPEG (by content, not by name), within the size limit. */
    @Transactional
    public InvoiceAttachment.Info attach(PartnerPrincipal me, String fileName, long size, InputStreamSource file)
            throws IOException {
        if (size == 0) {
            throw new InvalidFieldException("file", "is empty");
        }
        if (size > attachmentMaxSize.toBytes()) {
            throw new InvalidFieldException("file", "must be at most " + attachmentMaxSize.toMegabytes() + " MB",
                    "ファイルが大きすぎます（" + attachmentMaxSize.toMegabytes() + " MBまで）。");
        }
        byte[] content;
        try (InputStream in = file.getInputStream()) {
            content = in.readAllBytes();
        }
        String type = ReportFileType.of(content).orElseThrow(
                () -> new InvalidFieldException("file", "must be a PDF, PNG or JPEG file",
                        "PDF・PNG・JPEGのファイルを添付してください。"));
        String name = fileName == null || fileName.isBlank() ? "report" : fileName.strip();
        InvoiceAttachment saved = attachments.save(new InvoiceAttachment(null, me.partnerId(),
                name.length() > 255 ? name.substring(0, 255) : name, type, content.length, content, clock.instant()));
        return saved.info();
    }

    /** The invoice of the order's billing month, if the partner has started it. */
    public Optional<InvoiceView> ofMonth(PartnerPrincipal me, long orderId, String billingMonth) {
        me.mustOwn("order", orderId, orders.get(orderId).partnerId());
        return months.find(orderId, billingMonth).flatMap(month -> invoices.findByBillingMonthId(month.id())).map(this::view);
    }

    /** An invoice as its partner sees it. */
    public InvoiceView mine(PartnerPrincipal me, long invoiceId) {
        Invoice invoice = get(invoiceId);
        me.mustOwn("invoice", invoiceId, invoice.partnerId());
        return view(invoice);
    }

    /** The company an invoice is addressed to (that of its partner). */
    public long companyOf(long invoiceId) {
        return partners.companyOfPartner(get(invoiceId).partnerId());
    }

    /** The order's invoices, month by month. */
    public List<InvoiceView> ofOrder(long orderId) {
        return months.ofOrder(orderId).stream().map(month -> invoices.findByBillingMonthId(month.id()))
                .flatMap(Optional::stream).map(this::view).toList();
    }

    /** The order an invoice of this number belongs to. */
    public Optional<Long> orderOfNumber(String number) {
        return invoices.findByNumber(number).map(invoice -> months.get(invoice.billingMonthId()).purchaseOrderId());
    }

    public InvoiceView view(long invoiceId) {
        return view(get(invoiceId));
    }

    /** The report file attached to the invoice's latest version. */
    public InvoiceAttachment attachmentOf(long invoiceId) {
        Long attachmentId = latest(get(invoiceId).id()).attachmentId();
        if (attachmentId == null) {
            throw new NotFoundException("attachment of invoice", invoiceId);
        }
        return attachments.findById(attachmentId).orElseThrow();
    }

    /** A reviewer's decision on the version in review; a return needs a reason, which the partner is sent. */
    @Transactional
    public void recordReview(long invoiceId, Invoice.Decision decision, String reason, String reviewer) {
        Invoice invoice = invoices.findLockedById(invoiceId).orElseThrow(() -> new NotFoundException("invoice", invoiceId));
        if (invoice.status() != Invoice.Status.SUBMITTED) {
            throw new IllegalStateException("invoice " + invoiceId + " is " + invoice.status() + ", not in review");
        }
        if (decision == Invoice.Decision.RETURN && (reason == null || reason.isBlank())) {
            throw new InvalidFieldException("returnReason", "a return needs a reason for the partner");
        }
        invoices.save(invoice.withReview(new Invoice.Review(latest(invoiceId).version(), decision,
                decision == Invoice.Decision.RETURN ? reason.strip() : null, reviewer, clock.instant())));
    }

    @Override
    @Transactional
    public void approve(long invoiceId) {
        Invoice invoice = invoices.findLockedById(invoiceId).orElseThrow(() -> new NotFoundException("invoice", invoiceId));
        invoices.save(invoice.withStatus(Invoice.Status.APPROVED));
    }

    @Override
    @Transactional
    public void handOver(long invoiceId) {
        events.publishEvent(new InvoiceApproved(invoiceId));
    }

    @Override
    @Transactional
    public void returnToPartner(long invoiceId) {
        Invoice invoice = invoices.findLockedById(invoiceId).orElseThrow(() -> new NotFoundException("invoice", invoiceId));
        invoices.save(invoice.withStatus(Invoice.Status.RETURNED));
        BillingMonth month = months.get(invoice.billingMonthId());
        PurchaseOrder order = orders.get(month.purchaseOrderId());
        String page = publicBaseUrl + "/partner/invoices/" + invoiceId;
        notifyPartner.send(new PartnerNotice(invoice.partnerId(), NoticeType.INVOICE_RETURNED,
                "%s %s\n理由：%s".formatted(BillingMonths.inJapanese(month.billingMonth()), invoice.number(),
                        invoice.returnReason()),
                page, List.of(NoticeAction.link("請求書を修正する", page)),
                // the reason in full: a template would cut it
                new LineCard(BillingMonths.inJapanese(month.billingMonth()) + "の請求書", List.of(
                        LineCard.row("番号", invoice.number()), LineCard.row("件名", order.title())),
                        "差し戻しの理由：" + invoice.returnReason())));
    }

    private void mustBeOpenForChanges(Invoice invoice) {
        switch (invoice.status()) {
            case SUBMITTED -> throw new ConflictException("invoice " + invoice.number()
                    + " has been sent and is in review; it can be changed only if it is returned");
            case APPROVED -> throw new ConflictException("invoice " + invoice.number()
                    + " is approved and can no longer be changed");
            default -> {
            }
        }
    }

    private Invoice lockMine(PartnerPrincipal me, long invoiceId) {
        Invoice invoice = invoices.findLockedById(invoiceId).orElseThrow(() -> new NotFoundException("invoice", invoiceId));
        me.mustOwn("invoice", invoiceId, invoice.partnerId());
        return invoice;
    }

    private Invoice get(long invoiceId) {
        return invoices.findById(invoiceId).orElseThrow(() -> new NotFoundException("invoice", invoiceId));
    }

    private InvoiceVersion latest(long invoiceId) {
        List<InvoiceVersion> all = versions.findByInvoiceIdOrderByVersion(invoiceId);
        return all.get(all.size() - 1);
    }

    private InvoiceView view(Invoice invoice) {
        BillingMonth month = months.get(invoice.billingMonthId());
        List<InvoiceVersion> all = versions.findByInvoiceIdOrderByVersion(invoice.id());
        InvoiceVersion latest = all.get(all.size() - 1);
        InvoiceAttachment.Info attachment = latest.attachmentId() == null ? null
                : attachmentInfos.findById(latest.attachmentId()).orElseThrow();
        return InvoiceView.of(invoice, month, partners.get(invoice.partnerId()).name(), all, attachment);
    }
}
