package jp.partnerflow.partner;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jp.partnerflow.company.Companies;
import jp.partnerflow.platform.InvalidFieldException;
import jp.partnerflow.platform.NotFoundException;

/** The partner feature's public API. */
@Service
public class Partners {
    private final PartnerRepository repository;
    private final Companies companies;
    private final Clock clock;

    Partners(PartnerRepository repository, Companies companies, Clock clock) {
        this.repository = repository;
        this.companies = companies;
        this.clock = clock;
    }

    @Transactional
    Partner register(PartnerController.NewPartner request) {
        if (!companies.exists(request.companyId())) {
            throw new InvalidFieldException("companyId", "no such company");
        }
        String email = request.email().strip().toLowerCase();
        if (repository.existsByCompanyIdAndEmail(request.companyId(), email)) {
            throw new InvalidFieldException("email", "a partner with this e-mail already exists");
        }
        if (request.lineUserId() != null && repository.findByLineUserId(request.lineUserId()).isPresent()) {
            throw new InvalidFieldException("lineUserId", "this LINE account is already linked to another partner");
        }
        return repository.save(new Partner(null, request.companyId(), request.name().strip(), email, request.kind(),
                request.registrationNumber(), request.lineUserId(), request.lineUserId() != null, request.basicInfo(),
                request.bankAccount(), clock.instant()));
    }

    public Partner get(long id) {
        return repository.findById(id).orElseThrow(() -> new NotFoundException("partner", id));
    }

    public Optional<Partner> find(long id) {
        return repository.findById(id);
    }

    public Optional<Partner> findByLineUserId(String lineUserId) {
        return repository.findByLineUserId(lineUserId);
    }

    List<Partner> ofCompany(long companyId) {
        return repository.findByCompanyIdOrderById(companyId);
    }

    @Transactional
    Partner updateBasicInfo(long id, BasicInfo info) {
        return repository.save(get(id).withBasicInfo(info));
    }

    @Transactional
    Partner updateBankAccount(long id, BankAccount account) {
        return repository.save(get(id).withBankAccount(account));
    }

    /** The LINE user followed (or unblocked) the official account; empty if no partner is linked to it. */
    @Transactional
    public Optional<Partner> lineFollowed(String lineUserId) {
        repository.updateLineFollowing(lineUserId, true);
        return repository.findByLineUserId(lineUserId);
    }

    /** The LINE user blocked the official account: LINE notices stop, mail and in-app go on. */
    @Transactional
    public void lineUnfollowed(String lineUserId) {
        repository.updateLineFollowing(lineUserId, false);
    }
}
