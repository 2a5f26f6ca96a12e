package jp.partnerflow.billing;

import org.springframework.data.repository.ListCrudRepository;

interface InvoiceAttachmentRepository extends ListCrudRepository<InvoiceAttachment, Long> {
}
