package jp.partnerflow.company;

import org.springframework.data.repository.ListCrudRepository;

interface CompanyRepository extends ListCrudRepository<Company, Long> {
}
