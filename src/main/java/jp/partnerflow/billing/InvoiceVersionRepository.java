package jp.partnerflow.billing;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

interface InvoiceVersionRepository extends ListCrudRepository<InvoiceVersion, Long> {

    List<InvoiceVersion> findByInvoiceIdOrderByVersion(long invoiceId);
}
