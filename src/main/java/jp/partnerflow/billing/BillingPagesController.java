package jp.partnerflow.billing;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import jp.partnerflow.order.PurchaseOrder;
import jp.partnerflow.order.PurchaseOrders;
import jp.partnerflow.order.TaxRate;
import jp.partnerflow.partner.PartnerPrincipal;
import jp.partnerflow.platform.ConflictException;
import jp.partnerflow.platform.InvalidFieldException;
import jp.partnerflow.platform.PageMessages;

/**
 * The partner's pages of a billing month: 稼動を登録する (the work report), and the invoice — created
 * from the work report, written (lines, 立替経費, the report file, the month), checked on the
 * confirmation page and sent; a returned invoice shows the reason and is fixed and sent again. The
 * rules are the invoice feature's own ({@link Invoices}, {@link WorkReports}): a page only gathers
 * the form and says in Japanese what the rule refused.
 */
@Controller
class BillingPagesController {
    static final int WORK_ROWS = 7;
    static final int LINE_ROWS = 5;
    static final int EXPENSE_ROWS = 3;

    private final WorkReports workReports;
    private final Invoices invoices;
    private final PurchaseOrders orders;
    private final PartnerMonths partnerMonths;

    BillingPagesController(WorkReports workReports, Invoices invoices, PurchaseOrders orders, PartnerMonths partnerMonths) {
        this.workReports = workReports;
        this.invoices = invoices;
        this.orders = orders;
        this.partnerMonths = partnerMonths;
    }

    // --- 稼動を登録する ------------------------------------------------------------------------

    /** 稼動 (without a month): every begun month of the partner's orders with its work report; else that month's. */
    @GetMapping("/partner/work-reports")
    String workReport(@AuthenticationPrincipal PartnerPrincipal me, @RequestParam(required = false) Long order,
            @RequestParam(required = false) String month, Model model) {
        if (order == null || month == null) {
            model.addAttribute("months", partnerMonths.monthsOf(me.partnerId()));
            return "partner/work-reports";
        }
        workReports.mustBeOrderOf(me, order);
        model.addAttribute("order", orders.get(order));
        model.addAttribute("month", month);
        model.addAttribute("monthLabel", BillingMonths.inJapanese(month));
        model.addAttribute("report", workReports.ofMonth(order, month).orElse(null));
        return "partner/work-report";
    }

    @GetMapping("/partner/work-reports/new")
    String newWorkReport(@AuthenticationPrincipal PartnerPrincipal me, @RequestParam long order, @RequestParam String month,
            Model model) {
        workReports.mustBeOrderOf(me, order);
        if (workReports.ofMonth(order, month).isPresent()) {
            return "redirect:/partner/work-reports?order=" + order + "&month=" + month;
        }
        return workReportForm(model, orders.get(order), month, Map.of(), null);
    }

    @PostMapping("/partner/work-reports")
    String registerWork(@AuthenticationPrincipal PartnerPrincipal me, @RequestParam long order, @RequestParam String month,
            @RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response) {
        workReports.mustBeOrderOf(me, order);
        List<WorkReport.Entry> entries = new ArrayList<>();
        try {
            for (int row = 0; row < WORK_ROWS; row++) {
                String date = field(form, "workDate", row);
                String hours = field(form, "hours", row);
                String content = field(form, "content", row);
                if (date.isEmpty() && hours.isEmpty() && content.isEmpty()) {
                    continue;
                }
                entries.add(new WorkReport.Entry(date(date, row), hours(hours, row), required(content, "content", row)));
            }
            if (entries.isEmpty()) {
                throw new InvalidFieldException("entries", "must not be empty", "1行以上入力してください。");
            }
            workReports.create(order, month, entries, WorkReport.CreatedBy.PARTNER);
        } catch (InvalidFieldException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return workReportForm(model, orders.get(order), month, form.toSingleValueMap(), PageMessages.of(e));
        } catch (ConflictException e) {
            return "redirect:/partner/work-reports?order=" + order + "&month=" + month;
        }
        return "redirect:/partner/work-reports?order=" + order + "&month=" + month + "&registered";
    }

    private String workReportForm(Model model, PurchaseOrder order, String month, Map<String, String> values, String error) {
        model.addAttribute("order", order);
        model.addAttribute("month", month);
        model.addAttribute("monthLabel", BillingMonths.inJapanese(month));
        model.addAttribute("rows", rows(WORK_ROWS));
        model.addAttribute("values", values);
        model.addAttribute("error", error);
        return "partner/work-report-form";
    }

    // --- 請求書 ----------------------------------------------------------------------------------

    /** From 「請求書を作成してください」: the month's invoice, or the button that starts it. */
    /** 請求書: every begun month of the partner's orders with its invoice's state. */
    @GetMapping("/partner/invoices")
    String invoices(@AuthenticationPrincipal PartnerPrincipal me, Model model) {
        model.addAttribute("months", partnerMonths.monthsOf(me.partnerId()));
        return "partner/invoices";
    }

    @GetMapping("/partner/invoices/new")
    String newInvoice(@AuthenticationPrincipal PartnerPrincipal me, @RequestParam long order, @RequestParam String month,
            Model model) {
        Optional<InvoiceView> existing = invoices.ofMonth(me, order, month);
        if (existing.isPresent()) {
            return "redirect:/partner/invoices/" + existing.get().id();
        }
        model.addAttribute("order", orders.get(order));
        model.addAttribute("month", month);
        model.addAttribute("monthLabel", BillingMonths.inJapanese(month));
        model.addAttribute("hasWorkReport", workReports.ofMonth(order, month).isPresent());
        return "partner/invoice-new";
    }

    @PostMapping("/partner/invoices")
    String createInvoice(@AuthenticationPrincipal PartnerPrincipal me, @RequestParam long order, @RequestParam String month,
            Model model, HttpServletResponse response) {
        try {
            return "redirect:/partner/invoices/" + invoices.create(me, order, month).id() + "/edit";
        } catch (ConflictException e) {
            return "redirect:/partner/invoices/new?order=" + order + "&month=" + month;
        } catch (InvalidFieldException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return PageMessages.page(model, "請求書を作成できません", PageMessages.of(e),
                    "/partner/work-reports/new?order=" + order + "&month=" + month, "稼動を登録する");
        }
    }

    @GetMapping("/partner/invoices/{id}")
    String invoice(@AuthenticationPrincipal PartnerPrincipal me, @PathVariable long id, Model model) {
        InvoiceView invoice = invoices.mine(me, id);
        model.addAttribute("invoice", invoice);
        model.addAttribute("returnReason", invoice.status() == Invoice.Status.RETURNED && !invoice.reviews().isEmpty()
                ? invoice.reviews().get(invoice.reviews().size() - 1).reason() : null);
        return "partner/invoice";
    }

    @GetMapping("/partner/invoices/{id}/edit")
    String editInvoice(@AuthenticationPrincipal PartnerPrincipal me, @PathVariable long id, Model model) {
        InvoiceView invoice = invoices.mine(me, id);
        if (!open(invoice)) {
            return "redirect:/partner/invoices/" + id;
        }
        return invoiceForm(model, invoice, values(invoice), null);
    }

    @PostMapping("/partner/invoices/{id}")
    String saveInvoice(@AuthenticationPrincipal PartnerPrincipal me, @PathVariable long id,
            @RequestParam MultiValueMap<String, String> form, @RequestParam(required = false) MultipartFile file,
            Model model, HttpServletResponse response) throws IOException {
        InvoiceView invoice = invoices.mine(me, id);
        try {
            Long attachmentId = invoice.attachment() == null ? null : invoice.attachment().id();
            if (file != null && !file.isEmpty()) {
                attachmentId = invoices.attach(me, file.getOriginalFilename(), file.getSize(), file).id();
            }
            List<InvoiceLine> lines = new ArrayList<>();
            for (int row = 0; row < LINE_ROWS; row++) {
                String content = field(form, "lineContent", row);
                String quantity = field(form, "quantity", row);
                String unitPrice = field(form, "unitPrice", row);
                if (content.isEmpty() && quantity.isEmpty() && unitPrice.isEmpty()) {
                    continue;
                }
                lines.add(new InvoiceLine(required(content, "lines.content", row), decimal(quantity, "lines.quantity", row),
                        whole(unitPrice, "lines.unitPrice", row), taxRate(field(form, "taxRate", row), row)));
            }
            if (lines.isEmpty()) {
                throw new InvalidFieldException("lines", "must not be empty", "1行以上入力してください。");
            }
            List<Expense> expenses = new ArrayList<>();
            for (int row = 0; row < EXPENSE_ROWS; row++) {
                String content = field(form, "expenseContent", row);
                String amount = field(form, "expenseAmount", row);
                if (!content.isEmpty() || !amount.isEmpty()) {
                    expenses.add(new Expense(required(content, "expenses.content", row), whole(amount, "expenses.amount", row)));
                }
            }
            String registration = form.getFirst("registrationNumber");
            registration = registration == null || registration.isBlank() ? null : registration.strip();
            if (registration != null && !registration.matches("T\\d{13}")) {
                throw new InvalidFieldException("registrationNumber", "must be T followed by 13 digits",
                        "T と13桁の数字で入力してください。");
            }
            invoices.edit(me, id, new InvoiceContent(form.getFirst("invoiceMonth"), registration, lines, expenses,
                    attachmentId));
        } catch (InvalidFieldException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return invoiceForm(model, invoice, form.toSingleValueMap(), PageMessages.of(e));
        } catch (ConflictException e) {
            return "redirect:/partner/invoices/" + id;
        }
        return "redirect:/partner/invoices/" + id + "/check";
    }

    /** 確認画面: the amounts as they will be sent; sending confirms the month shown. */
    @GetMapping("/partner/invoices/{id}/check")
    String checkInvoice(@AuthenticationPrincipal PartnerPrincipal me, @PathVariable long id, Model model) {
        InvoiceView invoice = invoices.mine(me, id);
        if (!open(invoice)) {
            return "redirect:/partner/invoices/" + id;
        }
        model.addAttribute("invoice", invoice);
        return "partner/invoice-check";
    }

    @PostMapping("/partner/invoices/{id}/submit")
    String submitInvoice(@AuthenticationPrincipal PartnerPrincipal me, @PathVariable long id,
            @RequestParam(required = false) String invoiceMonth, @RequestParam(required = false) String monthConfirmed,
            Model model, HttpServletResponse response) {
        InvoiceView invoice = invoices.mine(me, id);
        if (monthConfirmed == null) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("invoice", invoice);
            model.addAttribute("error", "請求月を確認し、チェックを入れてから送信してください。");
            return "partner/invoice-check";
        }
        try {
            invoices.submit(me, id, invoiceMonth);
        } catch (InvalidFieldException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("invoice", invoices.mine(me, id));
            model.addAttribute("error", "請求書の内容が変わっています。内容と請求月をもう一度ご確認ください。");
            return "partner/invoice-check";
        } catch (ConflictException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return PageMessages.page(model, "送信できません", "この請求書はすでに送信済みです。", "/partner/invoices/" + id,
                    "請求書を見る");
        }
        return PageMessages.page(model, "請求書を送信しました", "請求書 " + invoice.number()
                + " を送信しました。担当者が確認します。", "/partner/invoices/" + id, "請求書を見る");
    }

    private String invoiceForm(Model model, InvoiceView invoice, Map<String, String> values, String error) {
        model.addAttribute("invoice", invoice);
        model.addAttribute("values", values);
        model.addAttribute("lineRows", rows(LINE_ROWS));
        model.addAttribute("expenseRows", rows(EXPENSE_ROWS));
        model.addAttribute("taxRates", TaxRate.values());
        model.addAttribute("error", error);
        return "partner/invoice-form";
    }

    /** The form's fields filled in from the invoice as it is. */
    private static Map<String, String> values(InvoiceView invoice) {
        Map<String, String> values = new java.util.HashMap<>();
        values.put("invoiceMonth", invoice.invoiceMonth());
        values.put("registrationNumber", invoice.registrationNumber() == null ? "" : invoice.registrationNumber());
        for (int i = 0; i < invoice.lines().size() && i < LINE_ROWS; i++) {
            InvoiceView.Line line = invoice.lines().get(i);
            values.put("lineContent[" + i + "]", line.content());
            values.put("quantity[" + i + "]", line.quantity().stripTrailingZeros().toPlainString());
            values.put("unitPrice[" + i + "]", Long.toString(line.unitPrice()));
            values.put("taxRate[" + i + "]", line.taxRate().name());
        }
        for (int i = 0; i < invoice.expenses().size() && i < EXPENSE_ROWS; i++) {
            values.put("expenseContent[" + i + "]", invoice.expenses().get(i).content());
            values.put("expenseAmount[" + i + "]", Long.toString(invoice.expenses().get(i).amount()));
        }
        return values;
    }

    private static boolean open(InvoiceView invoice) {
        return invoice.status() == Invoice.Status.DRAFT || invoice.status() == Invoice.Status.RETURNED;
    }

    private static List<Integer> rows(int n) {
        return java.util.stream.IntStream.range(0, n).boxed().toList();
    }

    private static String field(MultiValueMap<String, String> form, String name, int row) {
        String value = form.getFirst(name + "[" + row + "]");
        return value == null ? "" : value.strip();
    }

    private static String required(String value, String field, int row) {
        if (value.isEmpty()) {
            throw new InvalidFieldException(field + "[" + row + "]", "must not be blank", "入力してください。");
        }
        return value;
    }

    private static LocalDate date(String value, int row) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException("workDate[" + row + "]", "must be a date");
        }
    }

    private static BigDecimal hours(String value, int row) {
        BigDecimal hours = decimal(value, "hours", row);
        if (hours.signum() <= 0 || hours.compareTo(BigDecimal.valueOf(24)) > 0 || hours.stripTrailingZeros().scale() > 2) {
            throw new InvalidFieldException("hours[" + row + "]", "must be more than 0 and at most 24",
                    "0より大きく24以下の数を入力してください。");
        }
        return hours;
    }

    private static BigDecimal decimal(String value, String field, int row) {
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new InvalidFieldException(field + "[" + row + "]", "must be a number");
        }
    }

    private static long whole(String value, String field, int row) {
        try {
            return Long.parseLong(value.replace(",", ""));
        } catch (NumberFormatException e) {
            throw new InvalidFieldException(field + "[" + row + "]", "must be a whole number of yen");
        }
    }

    private static TaxRate taxRate(String value, int row) {
        try {
            return TaxRate.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("lines.taxRate[" + row + "]", "must be 10%, 8% or non-taxable");
        }
    }
}
