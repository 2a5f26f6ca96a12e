package jp.partnerflow.partner;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jp.partnerflow.company.Companies;
import jp.partnerflow.platform.InvalidFieldException;
import jp.partnerflow.platform.NotFoundException;

/** The partner feature's public API. */
@Service
public class Partners {
    private final PartnerRepository repository;
    private final PartnerConsents consentsGiven;
    private final Companies companies;
    private final JdbcClient jdbc;
    private final Clock clock;

    Partners(PartnerRepository repository, PartnerConsents consentsGiven, Companies companies, JdbcClient jdbc,
            Clock clock) {
        this.repository = repository;
        this.consentsGiven = consentsGiven;
        this.companies = companies;
        this.jdbc = jdbc;
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

    /** The company a partner works for (404 for no such partner). */
    public long companyOfPartner(long partnerId) {
        return companyOf(partnerId).orElseThrow(() -> new NotFoundException("partner", partnerId));
    }

    /** The company a partner works for. */
    public Optional<Long> companyOf(long partnerId) {
        return jdbc.sql("SELECT company_id FROM partner WHERE id = ?").param(partnerId).query(Long.class).optional();
    }

    public Partner get(long id) {
        return repository.findById(id).orElseThrow(() -> new NotFoundException("partner", id));
    }

    /** Read for every notice (a month end sends thousands): plain SQL of the few columns, not the whole aggregate. */
    public PartnerContact contact(long id) {
        return jdbc.sql("SELECT company_id, email, line_user_id, line_following FROM partner WHERE id = ?").param(id)
                .query((rs, row) -> new PartnerContact(id, rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)))
                .optional().orElseThrow(() -> new NotFoundException("partner", id));
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

    /**
     * Links the partner to the LINE account they signed in with, recording the consents they gave
     * with the time. The LINE e-mail must be the partner's registered e-mail, and the LINE account
     * must not be another partner's; otherwise nothing changes.
     *
     * @param following whether the LINE user is a friend of the official account now
     */
    @Transactional
    public Partner linkLine(long partnerId, String lineUserId, String lineEmail, boolean following, Set<Consent> consents) {
        Partner partner = get(partnerId);
        if (lineEmail == null || lineEmail.isBlank()) {
            throw new LineLinkRefused(LineLinkRefused.Reason.NO_EMAIL, "LINE gave no e-mail for partner " + partnerId);
        }
        if (!partner.email().equalsIgnoreCase(lineEmail.strip())) {
            throw new LineLinkRefused(LineLinkRefused.Reason.EMAIL_MISMATCH,
                    "the LINE e-mail is not partner " + partnerId + "'s registered e-mail");
        }
        Optional<Partner> holder = repository.findByLineUserId(lineUserId);
        if (holder.isPresent() && !holder.get().id().equals(partnerId)) {
            throw new LineLinkRefused(LineLinkRefused.Reason.LINKED_TO_ANOTHER_PARTNER,
                    "the LINE account is linked to partner " + holder.get().id());
        }
        Instant now = clock.instant();
        for (Consent consent : consents) {
            consentsGiven.record(partnerId, consent, now);
        }
        return repository.save(partner.withLine(lineUserId, following));
    }

    /** The partner signed in with LINE: the partner linked to that LINE account, if any. */
    public Optional<Partner> signedInWithLine(String lineUserId) {
        return repository.findByLineUserId(lineUserId);
    }

    /** The partner unlinks LINE from their settings: LINE notices stop, mail and in-app go on. */
    @Transactional
    public Partner unlinkLine(long partnerId) {
        return repository.save(get(partnerId).withLine(null, false));
    }

    public java.util.Map<Consent, Instant> consents(long partnerId) {
        return consentsGiven.of(partnerId);
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
