package jp.partnerflow.order;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

interface PurchaseOrderRepository extends ListCrudRepository<PurchaseOrder, Long> {

    List<PurchaseOrder> findByPartnerIdOrderById(long partnerId);

    java.util.Optional<PurchaseOrder> findByNumber(String number);
}
