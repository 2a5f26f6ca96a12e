package jp.partnerflow.billing;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import jp.partnerflow.order.TaxRate;
import jp.partnerflow.partner.PartnerPrincipal;
import jp.partnerflow.platform.StaffCompanies;

/**
 * Invoices: the partner writes, checks and sends a month's invoice ({@code /api/me/**}); staff read
 * it with its history ({@code /api/invoices/**}) and review it in Tasklist.
 */
@RestController
class InvoiceController {
    private static final String MONTH = "\\d{4}-(0[1-9]|1[0-2])";
    private static final String MONTH_MESSAGE = "must be a month like 2027-01";

    private final Invoices invoices;
    private final StaffCompanies staff;

    InvoiceController(Invoices invoices, StaffCompanies staff) {
        this.invoices = invoices;
        this.staff = staff;
    }

    record NewInvoice(@NotNull Long orderId, @NotNull @Pattern(regexp = MONTH, message = MONTH_MESSAGE) String billingMonth) {
    }

    record InvoiceForm(
            @NotNull @Pattern(regexp = MONTH, message = MONTH_MESSAGE) String invoiceMonth,
            @Pattern(regexp = "T\\d{13}", message = "must be T followed by 13 digits") String registrationNumber,
            @NotEmpty @Size(max = 50) List<@Valid LineForm> lines,
            @Size(max = 50) List<@Valid ExpenseForm> expenses,
            Long attachmentId) {
    }

    record LineForm(
            @NotBlank @Size(max = 200) String content,
            @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 7, fraction = 2) BigDecimal quantity,
            @NotNull @PositiveOrZero @Max(100_000_000) Long unitPrice,
            @NotNull TaxRate taxRate) {
    }

    record ExpenseForm(@NotBlank @Size(max = 200) String content, @NotNull @Positive @Max(100_000_000) Long amount) {
    }

    record Confirmation(@NotNull @Pattern(regexp = MONTH, message = MONTH_MESSAGE) String invoiceMonth) {
    }

    /** What the partner sees after sending: 「請求書を送信しました」 and the invoice as sent. */
    record Sent(String message, InvoiceView invoice) {
    }

    @PostMapping("/api/me/invoices")
    @ResponseStatus(HttpStatus.CREATED)
    InvoiceView create(@AuthenticationPrincipal PartnerPrincipal me, @Valid @RequestBody NewInvoice request) {
        return invoices.create(me, request.orderId(), request.billingMonth());
    }

    /** The confirmation view (確認画面): the invoice with its amounts as they will be sent. */
    @GetMapping("/api/me/invoices/{id}")
    InvoiceView mine(@AuthenticationPrincipal PartnerPrincipal me, @PathVariable long id) {
        return invoices.mine(me, id);
    }

    @PutMapping("/api/me/invoices/{id}")
    InvoiceView edit(@AuthenticationPrincipal PartnerPrincipal me, @PathVariable long id,
            @Valid @RequestBody InvoiceForm form) {
        List<InvoiceLine> lines = form.lines().stream()
                .map(l -> new InvoiceLine(l.content().strip(), l.quantity(), l.unitPrice(), l.taxRate())).toList();
        List<Expense> expenses = form.expenses() == null ? List.of()
                : form.expenses().stream().map(e -> new Expense(e.content().strip(), e.amount())).toList();
        return invoices.edit(me, id, new InvoiceContent(form.invoiceMonth(), form.registrationNumber(), lines, expenses,
                form.attachmentId()));
    }

    /** 送信: the partner confirms the invoice month the confirmation view showed. */
    @PostMapping("/api/me/invoices/{id}/submit")
    Sent submit(@AuthenticationPrincipal PartnerPrincipal me, @PathVariable long id,
            @Valid @RequestBody Confirmation confirmation) {
        return new Sent("請求書を送信しました", invoices.submit(me, id, confirmation.invoiceMonth()));
    }

    @PostMapping("/api/me/attachments")
    @ResponseStatus(HttpStatus.CREATED)
    InvoiceAttachment.Info attach(@AuthenticationPrincipal PartnerPrincipal me, @RequestParam("file") MultipartFile file)
            throws IOException {
        return invoices.attach(me, file.getOriginalFilename(), file.getSize(), file);
    }

    @GetMapping("/api/invoices/{id}")
    InvoiceView get(@PathVariable long id) {
        staff.check(invoices.companyOf(id), "invoice", id);
        return invoices.view(id);
    }

    @GetMapping("/api/invoices/{id}/attachment")
    ResponseEntity<byte[]> attachment(@PathVariable long id) {
        return file(id, ContentDisposition.attachment());
    }

    /** The report opened in the browser from 「請求書を確認する」 in Tasklist (signed in there). */
    @GetMapping("/staff/invoices/{id}/report")
    ResponseEntity<byte[]> report(@PathVariable long id) {
        return file(id, ContentDisposition.inline());
    }

    private ResponseEntity<byte[]> file(long invoiceId, ContentDisposition.Builder disposition) {
        staff.check(invoices.companyOf(invoiceId), "invoice", invoiceId);
        InvoiceAttachment attachment = invoices.attachmentOf(invoiceId);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(attachment.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        disposition.filename(attachment.fileName(), StandardCharsets.UTF_8).build().toString())
                // a partner's file, shown on the service's origin: no scripts, no forms
                .header("Content-Security-Policy", "sandbox")
                .header("X-Content-Type-Options", "nosniff")
                .body(attachment.content());
    }
}
