package jp.partnerflow.meisai;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface MeisaiRunRepository extends ListCrudRepository<MeisaiRun, Long> {

    List<MeisaiRun> findByConnectionIdOrderByIdDesc(long connectionId);

    /** A run's company: its connection's. */
    @Query("SELECT c.company_id FROM meisai_run r JOIN meisai_connection c ON c.id = r.connection_id WHERE r.id = :id")
    Optional<Long> findCompanyIdById(long id);
}
