package jp.partnerflow.payment;

import java.util.Optional;

import org.springframework.data.relational.core.sql.LockMode;
import org.springframework.data.relational.repository.Lock;
import org.springframework.data.repository.ListCrudRepository;

interface PaymentNoticeRepository extends ListCrudRepository<PaymentNotice, Long> {

    Optional<PaymentNotice> findByInvoiceId(long invoiceId);

    /** Locked until the transaction ends: the partner's tap and the deadline never both win. */
    @Lock(LockMode.PESSIMISTIC_WRITE)
    Optional<PaymentNotice> findLockedById(long id);

    @Lock(LockMode.PESSIMISTIC_WRITE)
    Optional<PaymentNotice> findLockedByNumber(String number);
}
