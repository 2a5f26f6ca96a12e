package jp.partnerflow.meisai;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

interface MeisaiIssueRepository extends ListCrudRepository<MeisaiIssue, Long> {

    Optional<MeisaiIssue> findByPaymentNoticeIdAndVersion(long paymentNoticeId, int version);

    List<MeisaiIssue> findByPaymentNoticeIdOrderByVersion(long paymentNoticeId);

    boolean existsByPaymentNoticeIdAndState(long paymentNoticeId, MeisaiIssue.State state);
}
