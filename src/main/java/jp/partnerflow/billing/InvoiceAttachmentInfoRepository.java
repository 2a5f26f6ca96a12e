package jp.partnerflow.billing;

import java.util.Optional;

import org.springframework.data.repository.Repository;

/** Attachments without their content. */
interface InvoiceAttachmentInfoRepository extends Repository<InvoiceAttachment.Info, Long> {

    Optional<InvoiceAttachment.Info> findById(long id);
}
