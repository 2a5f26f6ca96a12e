package jp.partnerflow.partner;

import java.util.List;
import java.util.Optional;

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

    @Query("SELECT company_id FROM partner WHERE id = :id")
    Optional<Long> findCompanyIdById(long id);

    @Query("SELECT name FROM partner WHERE id = :id")
    Optional<String> findNameById(long id);

    /** Read for every notice: the few columns, mapped by hand. */
    @Query(value = "SELECT id, company_id, email, line_user_id, line_following FROM partner WHERE id = :id",
            rowMapperClass = PartnerContact.Row.class)
    Optional<PartnerContact> findContactById(long id);

    /** The partner and every other partner of the same LINE user, oldest first. */
    @Query(value = """
            SELECT * FROM partner
            WHERE line_user_id = (SELECT line_user_id FROM partner WHERE id = :partnerId) OR id = :partnerId
            ORDER BY id""", rowMapperClass = PartnerRow.class)
    List<Partner> findSameLineUserAs(long partnerId);

    @Modifying
    @Query("UPDATE partner SET line_following = :following WHERE line_user_id = :lineUserId")
    int updateLineFollowing(String lineUserId, boolean following);
}
