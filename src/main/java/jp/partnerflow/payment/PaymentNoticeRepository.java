package jp.partnerflow.payment;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;

import org.springframework.data.relational.core.sql.LockMode;
import org.springframework.data.relational.repository.Lock;
import org.springframework.data.repository.ListCrudRepository;

interface PaymentNoticeRepository extends ListCrudRepository<PaymentNotice, Long> {

    Optional<PaymentNotice> findByInvoiceId(long invoiceId);

    Optional<PaymentNotice> findByNumber(String number);

    java.util.List<PaymentNotice> findByPartnerIdOrderByIdDesc(long partnerId);

    java.util.List<PaymentNotice> findByPurchaseOrderIdOrderById(long purchaseOrderId);

    @Query(value = "SELECT id, number, partner_id, status FROM payment_notice WHERE id = :id",
            rowMapperClass = PaymentNoticeReference.Row.class)
    Optional<PaymentNoticeReference> findReferenceById(long id);

    /** Whose a notice is: its process's company is its partner's. */
    @Query("SELECT partner_id FROM payment_notice WHERE id = :id")
    Optional<Long> findPartnerIdById(long id);

    @Query("SELECT partner_id FROM payment_notice WHERE number = :number")
    Optional<Long> findPartnerIdByNumber(String number);

    /** Locked until the transaction ends: the partner's tap and the deadline never both win. */
    @Lock(LockMode.PESSIMISTIC_WRITE)
    Optional<PaymentNotice> findLockedById(long id);

    @Lock(LockMode.PESSIMISTIC_WRITE)
    Optional<PaymentNotice> findLockedByNumber(String number);

    @Modifying
    @Query("UPDATE payment_notice SET meisai_status = :status WHERE id IN (:ids)")
    int setMeisaiStatus(Collection<Long> ids, String status);

    @Modifying
    @Query("UPDATE payment_notice SET meisai_issued_at = :issuedAt WHERE id IN (:ids)")
    int setMeisaiIssuedAt(Collection<Long> ids, Instant issuedAt);

    @Modifying
    @Query("UPDATE payment_notice SET meisai_memo = :memo WHERE id IN (:ids)")
    int setMeisaiMemo(Collection<Long> ids, String memo);
}
