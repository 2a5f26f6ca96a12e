package jp.partnerflow.company;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jp.partnerflow.platform.InvalidFieldException;
import jp.partnerflow.platform.NotFoundException;

/** The company feature's public API. */
@Service
public class Companies {
    private final CompanyRepository repository;
    private final Clock clock;

    Companies(CompanyRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Transactional
    Company register(CompanyController.NewCompany request) {
        request.paymentTerms().legalLimitBreach(request.closingDay()).ifPresent(breach -> {
            throw new InvalidFieldException("paymentTerms", breach);
        });
        int confirmationDays = request.paymentNoticeConfirmationDays() != null ? request.paymentNoticeConfirmationDays()
                : Company.DEFAULT_CONFIRMATION_DAYS;
        return repository.save(new Company(null, request.name().strip(), request.closingDay(), request.paymentTerms(),
                request.lineOption(), confirmationDays, clock.instant()));
    }

    public Company get(long id) {
        return repository.findById(id).orElseThrow(() -> new NotFoundException("company", id));
    }

    public boolean exists(long id) {
        return repository.existsById(id);
    }
}
