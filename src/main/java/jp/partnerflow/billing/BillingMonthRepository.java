package jp.partnerflow.billing;

import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface BillingMonthRepository extends ListCrudRepository<BillingMonth, Long> {

    // written out: a derived query renders its SQL on every call
    @Query("SELECT * FROM billing_month WHERE purchase_order_id = :purchaseOrderId AND billing_month = :billingMonth")
    Optional<BillingMonth> findByPurchaseOrderIdAndBillingMonth(long purchaseOrderId, String billingMonth);

    /** One query, the month's closing date and whether its work is reported, mapped by hand. */
    @Query(value = """
            SELECT m.closing_date, EXISTS (SELECT 1 FROM work_report w WHERE w.billing_month_id = m.id) AS work_reported
            FROM billing_month m WHERE m.purchase_order_id = :purchaseOrderId AND m.billing_month = :billingMonth""",
            rowMapperClass = ReminderFacts.Row.class)
    Optional<ReminderFacts> findReminderFacts(long purchaseOrderId, String billingMonth);

    java.util.List<BillingMonth> findByPurchaseOrderIdOrderByBillingMonth(long purchaseOrderId);
}
