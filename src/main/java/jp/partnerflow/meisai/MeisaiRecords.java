package jp.partnerflow.meisai;

import java.io.ByteArrayOutputStream;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import jp.partnerflow.partner.Partner;
import jp.partnerflow.payment.PaymentNotice;
import jp.partnerflow.platform.Tokyo;

/**
 * The rows 楽楽明細 imports: a payment notice as 帳票データ keyed by its number (帳票No, the key of a
 * replacement issue), a partner as 顧客データ keyed by its code (顧客コード). Each import is split
 * at 10,000 records or 3 MB, 楽楽明細's limits per import.
 */
final class MeisaiRecords {
    static final int MAX_RECORDS = 10_000;
    static final int MAX_BYTES = 3 * 1024 * 1024;
    static final List<String> DOCUMENT_HEADER = List.of("帳票No", "顧客コード", "発行日", "対象月", "10%対象額", "10%消費税",
            "8%対象額", "8%消費税", "非課税額", "立替経費", "源泉徴収税額", "お支払額", "お支払日");
    static final List<String> CUSTOMER_HEADER = List.of("顧客コード", "顧客名", "メールアドレス", "郵便番号", "住所", "電話番号");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd");

    private MeisaiRecords() {
    }

    /** 顧客コード: the partner's id, 8 digits with a leading P. */
    static String customerCode(long partnerId) {
        return "P%07d".formatted(partnerId);
    }

    static long partnerId(String customerCode) {
        return Long.parseLong(customerCode.substring(1));
    }

    /** A version of a payment notice as one row of 帳票データ. */
    static List<String> document(MeisaiDocument document) {
        PaymentNotice.Version v = document.version();
        String billingMonth = document.billingMonth();
        return List.of(document.number(), customerCode(document.partnerId()),
                v.sentAt() == null ? "" : DAY.format(v.sentAt().atZone(Tokyo.ZONE)), billingMonth.replace('-', '/'),
                Long.toString(v.amountTenPercent()), Long.toString(v.taxTenPercent()), Long.toString(v.amountEightPercent()),
                Long.toString(v.taxEightPercent()), Long.toString(v.amountNonTaxable()), Long.toString(v.expenses()),
                Long.toString(v.withholding()), Long.toString(v.amountPaid()), DAY.format(v.paymentDate()));
    }

    static List<String> customer(Partner partner) {
        boolean info = partner.basicInfo() != null;
        return List.of(customerCode(partner.id()), partner.name(), partner.email(),
                info ? partner.basicInfo().postalCode() : "", info ? partner.basicInfo().address() : "",
                info ? partner.basicInfo().phone() : "");
    }

    /** One import's CSV and which rows (from inclusive, to exclusive) it holds. */
    record Part(byte[] csv, int from, int to) {
    }

    static List<byte[]> files(List<String> header, List<List<String>> rows, List<String> keys) {
        return parts(header, rows, keys).stream().map(Part::csv).toList();
    }

    /**
     * The rows as CSV files within 楽楽明細's limits per import (records and bytes), each with the header.
     *
     * @param keys one key per row (帳票No or 顧客コード) to name a row in an encoding error
     */
    static List<Part> parts(List<String> header, List<List<String>> rows, List<String> keys) {
        byte[] head = MeisaiCsv.line(header, header, "header");
        List<Part> parts = new ArrayList<>();
        ByteArrayOutputStream file = null;
        int from = 0;
        for (int r = 0; r < rows.size(); r++) {
            byte[] line = MeisaiCsv.line(header, rows.get(r), keys.get(r));
            if (file == null || r - from == MAX_RECORDS || file.size() + line.length > MAX_BYTES) {
                if (file != null) {
                    parts.add(new Part(file.toByteArray(), from, r));
                }
                file = new ByteArrayOutputStream();
                file.writeBytes(head);
                from = r;
            }
            file.writeBytes(line);
        }
        if (file != null) {
            parts.add(new Part(file.toByteArray(), from, rows.size()));
        }
        return parts;
    }
}
