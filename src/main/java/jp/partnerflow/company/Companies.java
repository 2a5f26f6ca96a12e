package jp.partnerflow.company;

import java.time.Clock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jp.partnerflow.platform.InvalidFieldException;
import jp.partnerflow.platform.NotFoundException;

/** The company feature's public API. */
@Service
public class Companies {
    private final CompanyRepository repository;
    private final TenantOfCompany tenants;
    private final JdbcClient jdbc;
    private final Clock clock;

    Companies(CompanyRepository repository, TenantOfCompany tenants, JdbcClient jdbc, Clock clock) {
        this.repository = repository;
        this.tenants = tenants;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    Company register(CompanyController.NewCompany request) {
        request.paymentTerms().legalLimitBreach(request.closingDay()).ifPresent(breach -> {
            throw new InvalidFieldException("paymentTerms", breach);
        });
        int confirmationDays = request.paymentNoticeConfirmationDays() != null ? request.paymentNoticeConfirmationDays()
                : Company.DEFAULT_CONFIRMATION_DAYS;
        Company company = repository.save(new Company(null, request.name().strip(), request.closingDay(),
                request.paymentTerms(), request.lineOption(), confirmationDays, clock.instant()));
        tenants.create(company.id(), company.name());
        return company;
    }

    public Company get(long id) {
        return repository.findById(id).orElseThrow(() -> new NotFoundException("company", id));
    }

    /**
     * What a notice needs of its company: the name it is sent under and whether the company has the
     * LINE option. Read for every notice, so plain SQL of the two columns.
     */
    public NoticeSender noticeSender(long id) {
        return jdbc.sql("SELECT name, line_option FROM company WHERE id = ?").param(id)
                .query((rs, row) -> new NoticeSender(rs.getString(1), rs.getBoolean(2))).optional()
                .orElseThrow(() -> new NotFoundException("company", id));
    }

    /** The company a notice comes from: its name, and whether it has the LINE option. */
    public record NoticeSender(String name, boolean lineOption) {
    }

    public boolean exists(long id) {
        return repository.existsById(id);
    }
}
