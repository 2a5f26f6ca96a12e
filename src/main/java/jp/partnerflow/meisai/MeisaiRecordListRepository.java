package jp.partnerflow.meisai;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

interface MeisaiRecordListRepository extends ListCrudRepository<MeisaiRecordList, Long> {

    List<MeisaiRecordList> findByCompanyIdOrderById(long companyId);
}
