package jp.partnerflow.billing;

import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

interface BillingMonthRepository extends ListCrudRepository<BillingMonth, Long> {

    Optional<BillingMonth> findByPurchaseOrderIdAndBillingMonth(long purchaseOrderId, String billingMonth);
}
