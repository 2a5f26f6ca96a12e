package jp.partnerflow.company;

import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface CompanyRepository extends ListCrudRepository<Company, Long> {

    @Query(value = "SELECT name, line_option FROM company WHERE id = :id", rowMapperClass = Companies.NoticeSender.Row.class)
    Optional<Companies.NoticeSender> findNoticeSenderById(long id);
}
