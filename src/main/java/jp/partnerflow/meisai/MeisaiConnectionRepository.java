package jp.partnerflow.meisai;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

interface MeisaiConnectionRepository extends ListCrudRepository<MeisaiConnection, Long> {

    List<MeisaiConnection> findByCompanyIdOrderById(long companyId);
}
