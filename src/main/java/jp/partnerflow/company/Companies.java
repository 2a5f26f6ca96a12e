package jp.partnerflow.company;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jp.partnerflow.platform.InvalidFieldException;
import jp.partnerflow.platform.NotFoundException;

/** The company feature's public API. */
@Service
public class Companies {
    private final CompanyRepository repository;
    private final TenantOfCompany tenants;
    private final Clock clock;

    Companies(CompanyRepository repository, TenantOfCompany tenants, Clock clock) {
        this.repository = repository;
        this.tenants = tenants;
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
     * LINE option. Read for every notice, so only these two columns.
     */
    public NoticeSender noticeSender(long id) {
        return repository.findNoticeSenderById(id).orElseThrow(() -> new NotFoundException("company", id));
    }

    /** The company a notice comes from: its name, and whether it has the LINE option. */
    public record NoticeSender(String name, boolean lineOption) {

        static class Row implements RowMapper<NoticeSender> {
            @Override
            public NoticeSender mapRow(ResultSet rs, int rowNum) throws SQLException {
                return new NoticeSender(rs.getString("name"), rs.getBoolean("line_option"));
            }
        }
    }

    public boolean exists(long id) {
        return repository.existsById(id);
    }
}
