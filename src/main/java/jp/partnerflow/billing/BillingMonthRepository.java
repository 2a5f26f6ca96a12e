package jp.partnerflow.billing;

import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface BillingMonthRepository extends ListCrudRepository<BillingMonth, Long> {

    // written out: a derived query renders its SQL on every call
    @Query("SELECT * FROM billing_month WHERE purchase_order_id = :purchaseOrderId AND billing_month = :billingMonth")
    Optional<BillingMonth> findByPurchaseOrderIdAndBillingMonth(long purchaseOrderId, String billingMonth);

    java.util.List<BillingMonth> findByPurchaseOrderIdOrderByBillingMonth(long purchaseOrderId);
}
