package jp.partnerflow.order;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface PurchaseOrderRepository extends ListCrudRepository<PurchaseOrder, Long> {

    List<PurchaseOrder> findByPartnerIdOrderById(long partnerId);

    Optional<PurchaseOrder> findByNumber(String number);

    /** The few columns, not the whole order: every reminder and every LINE tap reads this one. */
    @Query(value = "SELECT id, number, title, partner_id, status FROM purchase_order WHERE id = :id",
            rowMapperClass = OrderReference.Row.class)
    Optional<OrderReference> findReferenceById(long id);

    /** The process instance a partner's decision correlates with. */
    @Query("SELECT process_instance_id FROM purchase_order WHERE id = :id")
    String findProcessInstanceIdById(long id);
}
