package jp.partnerflow.meisai;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface MeisaiTimerRepository extends ListCrudRepository<MeisaiTimer, Long> {

    Optional<MeisaiTimer> findByConnectionId(long connectionId);

    /** The timers due at {@code now}, locked; a timer another node is taking is skipped, so each fires once. */
    @Query("SELECT * FROM meisai_timer WHERE enabled AND next_run_at <= :now ORDER BY id FOR UPDATE SKIP LOCKED")
    List<MeisaiTimer> lockDue(Instant now);
}
