package jp.partnerflow.billing;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface WorkReportRepository extends ListCrudRepository<WorkReport, Long> {

    Optional<WorkReport> findByBillingMonthId(long billingMonthId);

    @Query("""
            SELECT r.* FROM work_report r JOIN billing_month m ON m.id = r.billing_month_id
            WHERE m.purchase_order_id = :orderId ORDER BY m.billing_month""")
    List<WorkReport> findByPurchaseOrderId(long orderId);
}
