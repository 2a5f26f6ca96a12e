package jp.partnerflow.partner;

import java.util.List;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface PartnerRepository extends ListCrudRepository<Partner, Long> {

    // Written out and mapped by hand: this read runs for every LINE event (see PartnerRow).
    @Query(value = "SELECT * FROM partner WHERE line_user_id = :lineUserId ORDER BY id", rowMapperClass = PartnerRow.class)
    List<Partner> findByLineUserId(String lineUserId);

    boolean existsByCompanyIdAndLineUserId(long companyId, String lineUserId);

    @Query(value = "SELECT * FROM partner WHERE line_user_id IS NOT NULL ORDER BY id", rowMapperClass = PartnerRow.class)
    List<Partner> findLinkedToLine();

    List<Partner> findByCompanyIdOrderById(long companyId);

    boolean existsByCompanyIdAndEmail(long companyId, String email);

    @Modifying
    @Query("UPDATE partner SET line_following = :following WHERE line_user_id = :lineUserId")
    int updateLineFollowing(String lineUserId, boolean following);
}
