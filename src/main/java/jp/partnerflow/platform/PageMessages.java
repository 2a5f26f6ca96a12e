package jp.partnerflow.platform;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.ui.Model;

/**
 * What the partner's pages say when a rule refused a form: the field in Japanese (with its row) and
 * what to do, as the rule itself said it ({@link InvalidFieldException#hint()}), so a page never
 * re-states a rule nor reads its English reason.
 */
public final class PageMessages {
    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");
    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("workDate", "日付"), Map.entry("hours", "時間"), Map.entry("content", "内容"),
            Map.entry("entries", "稼動"), Map.entry("billingMonth", "対象月"), Map.entry("lines", "明細"),
            Map.entry("lines.content", "明細の内容"), Map.entry("lines.quantity", "数量"), Map.entry("quantity", "数量"),
            Map.entry("lines.unitPrice", "単価"), Map.entry("unitPrice", "単価"), Map.entry("lines.taxRate", "税率"),
            Map.entry("taxRate", "税率"), Map.entry("expenses.content", "立替経費の内容"),
            Map.entry("expenses.amount", "立替経費の金額"), Map.entry("amount", "金額"), Map.entry("invoiceMonth", "請求月"),
            Map.entry("registrationNumber", "登録番号"), Map.entry("file", "添付ファイル"),
            Map.entry("attachmentId", "添付ファイル"), Map.entry("reason", "理由"));
    private PageMessages() {
    }

    public static String of(InvalidFieldException e) {
        Matcher index = INDEX.matcher(e.field());
        String row = index.find() ? (Integer.parseInt(index.group(1)) + 1) + "行目の" : "";
        String field = INDEX.matcher(e.field()).replaceAll("");
        String label = FIELDS.getOrDefault(field, FIELDS.getOrDefault(field.substring(field.lastIndexOf('.') + 1), field));
        String hint = e.hint() != null ? e.hint() : "正しく入力してください。";
        return row + "「" + label + "」：" + hint;
    }

    /** The message page with a title, what happened, and where to go from here. */
    public static String page(Model model, String title, String message, String link, String linkLabel) {
        model.addAttribute("title", title);
        model.addAttribute("message", message);
        model.addAttribute("link", link);
        model.addAttribute("linkLabel", linkLabel);
        return "partner/message";
    }
}
