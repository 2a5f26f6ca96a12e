package jp.partnerflow.notification;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

interface NoticeRepository extends ListCrudRepository<Notice, Long>, NoticeInsert {
    List<Notice> findByPartnerIdOrderByIdDesc(long partnerId);
}
