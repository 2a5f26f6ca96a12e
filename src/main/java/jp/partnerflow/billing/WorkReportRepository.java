package jp.partnerflow.billing;

import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

interface WorkReportRepository extends ListCrudRepository<WorkReport, Long> {

    Optional<WorkReport> findByBillingMonthId(long billingMonthId);
}
