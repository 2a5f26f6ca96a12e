package jp.partnerflow.meisai;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

interface MeisaiRunRepository extends ListCrudRepository<MeisaiRun, Long> {

    List<MeisaiRun> findByConnectionIdOrderByIdDesc(long connectionId);
}
