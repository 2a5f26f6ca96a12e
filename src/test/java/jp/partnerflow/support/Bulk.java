package jp.partnerflow.support;

import java.time.YearMonth;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Many of a thing at once, written straight to the tables, for benchmarks and cluster tests. */
public final class Bulk {
    private Bulk() {
    }

    /** n partners of the company linked to LINE, each with an approved January 2027 monthly order; their ids. */
    public static List<Long> approvedOrders(JdbcClient jdbc, long company, int n) {
        jdbc.sql("""
                INSERT INTO partner (company_id, name, email, kind, line_user_id, line_following, created_at)
                SELECT :company, 'ベンチ ' || g, 'bench-' || :company || '-' || g || '@example.jp', 'INDIVIDUAL',
                       'Ubench' || :company || 'x' || g, TRUE, now()
                FROM generate_series(1, :n) g""").param("company", company).param("n", n).update();
        approvedMonthlyOrders(jdbc, company, YearMonth.of(2027, 1));
        return jdbc.sql("SELECT o.id FROM purchase_order o JOIN partner p ON p.id = o.partner_id "
                + "WHERE p.company_id = :company ORDER BY o.id").param("company", company).query(Long.class).list();
    }

    /** n partners of the company, each with a December 2026 payment notice approved now (numbers BENCH-PN-…). */
    public static void approvedNotices(JdbcClient jdbc, long company, int n) {
        jdbc.sql("""
                INSERT INTO partner (company_id, name, email, kind, line_following, created_at)
                SELECT :company, 'ベンチ ' || g, 'bench-' || :company || '-' || g || '@example.jp', 'INDIVIDUAL', FALSE, now()
                FROM generate_series(1, :n) g""").param("company", company).param("n", n).update();
        approvedMonthlyOrders(jdbc, company, YearMonth.of(2026, 12));
        jdbc.sql("""
                INSERT INTO billing_month (purchase_order_id, billing_month, closing_date, status, process_instance_id, opened_at)
                SELECT o.id, '2026-12', DATE '2026-12-31', 'INVOICED', 'bench', now()
                FROM purchase_order o JOIN partner p ON p.id = o.partner_id WHERE p.company_id = :company""")
                .param("company", company).update();
        jdbc.sql("""
                INSERT INTO invoice (number, billing_month_id, partner_id, status, created_at)
                SELECT 'BENCH-INV-' || b.id, b.id, o.partner_id, 'APPROVED', now()
                FROM billing_month b JOIN purchase_order o ON o.id = b.purchase_order_id JOIN partner p ON p.id = o.partner_id
                WHERE p.company_id = :company""").param("company", company).update();
        jdbc.sql("""
                INSERT INTO payment_notice (number, invoice_id, partner_id, purchase_order_id, billing_month, work_received_on,
                    status, created_at)
                SELECT 'BENCH-PN-' || i.id, i.id, i.partner_id, b.purchase_order_id, '2026-12', DATE '2026-12-31', 'APPROVED', now()
                FROM invoice i JOIN billing_month b ON b.id = i.billing_month_id JOIN partner p ON p.id = i.partner_id
                WHERE p.company_id = :company""").param("company", company).update();
        jdbc.sql("""
                INSERT INTO payment_notice_version (payment_notice_id, position, version, amount_ten_percent, tax_ten_percent,
                    amount_eight_percent, tax_eight_percent, amount_non_taxable, expenses, withholding, amount_paid,
                    payment_date, sent_at, confirmation_deadline)
                SELECT n.id, 0, 1, 300000, 30000, 0, 0, 0, 0, 30630, 299370, DATE '2027-01-31', now(), now()
                FROM payment_notice n JOIN partner p ON p.id = n.partner_id WHERE p.company_id = :company""")
                .param("company", company).update();
        jdbc.sql("""
                INSERT INTO payment_notice_event (payment_notice_id, position, version, kind, actor, occurred_at)
                SELECT n.id, 0, 1, 'APPROVED', 'partner:' || n.partner_id, now()
                FROM payment_notice n JOIN partner p ON p.id = n.partner_id WHERE p.company_id = :company""")
                .param("company", company).update();
    }

    /** An approved monthly order for the month for each partner of the company. */
    private static void approvedMonthlyOrders(JdbcClient jdbc, long company, YearMonth month) {
        jdbc.sql("""
                INSERT INTO purchase_order (number, partner_id, title, work_content, period_start, period_end, fee,
                    fee_type, tax_rate, payment_month_offset, payment_day, status, revision, issued_at, approved_at)
                SELECT 'BENCH-' || p.id, p.id, 'ベンチ案件', '内容', :start, :end, 300000,
                       'MONTHLY', 'TEN_PERCENT', 1, 31, 'APPROVED', 0, now(), now()
                FROM partner p WHERE p.company_id = :company""").param("company", company)
                .param("start", month.atDay(1)).param("end", month.atEndOfMonth()).update();
    }
}
