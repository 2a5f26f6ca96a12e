package jp.partnerflow.support;

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
        jdbc.sql("""
                INSERT INTO purchase_order (number, partner_id, title, work_content, period_start, period_end, fee,
                    fee_type, tax_rate, payment_month_offset, payment_day, status, revision, issued_at, approved_at)
                SELECT 'BENCH-' || p.id, p.id, 'ベンチ案件', '内容', DATE '2027-01-01', DATE '2027-01-31', 300000,
                       'MONTHLY', 'TEN_PERCENT', 1, 31, 'APPROVED', 0, now(), now()
                FROM partner p WHERE p.company_id = :company""").param("company", company).update();
        return jdbc.sql("SELECT o.id FROM purchase_order o JOIN partner p ON p.id = o.partner_id "
                + "WHERE p.company_id = :company ORDER BY o.id").param("company", company).query(Long.class).list();
    }
}
