package jp.partnerflow.partner;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface PartnerRepository extends ListCrudRepository<Partner, Long> {

    // Written out: a derived query would be rebuilt on every call, and this one runs for every LINE event.
    @Query("SELECT * FROM partner WHERE line_user_id = :lineUserId")
    Optional<Partner> findByLineUserId(String lineUserId);

    List<Partner> findByCompanyIdOrderById(long companyId);

    boolean existsByCompanyIdAndEmail(long companyId, String email);

    @Modifying
    @Query("UPDATE partner SET line_following = :following WHERE line_user_id = :lineUserId")
    int updateLineFollowing(String lineUserId, boolean following);
}
