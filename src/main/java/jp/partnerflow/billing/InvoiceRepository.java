package jp.partnerflow.billing;

import java.util.Optional;

import org.springframework.data.relational.core.sql.LockMode;
import org.springframework.data.relational.repository.Lock;
import org.springframework.data.repository.ListCrudRepository;

interface InvoiceRepository extends ListCrudRepository<Invoice, Long> {

    Optional<Invoice> findByBillingMonthId(long billingMonthId);

    Optional<Invoice> findByNumber(String number);

    /** The invoice, locked until the transaction ends: one change at a time (a double tap sends once). */
    @Lock(LockMode.PESSIMISTIC_WRITE)
    Optional<Invoice> findLockedById(long id);
}
