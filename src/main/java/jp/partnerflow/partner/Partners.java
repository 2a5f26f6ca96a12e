package jp.partnerflow.partner;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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
    private final Clock clock;

    Partners(PartnerRepository repository, PartnerConsents consentsGiven, Companies companies, Clock clock) {
        this.repository = repository;
        this.consentsGiven = consentsGiven;
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
        if (request.lineUserId() != null
                && repository.existsByCompanyIdAndLineUserId(request.companyId(), request.lineUserId())) {
            throw new InvalidFieldException("lineUserId", "this LINE account is already linked to another partner of the company");
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
        return repository.findCompanyIdById(partnerId);
    }

    /** The partner's name, as a process instance's business key names them (platform.CaseKey). */
    public String nameOf(long id) {
        return repository.findNameById(id).orElseThrow(() -> new NotFoundException("partner", id));
    }

    public Partner get(long id) {
        return repository.findById(id).orElseThrow(() -> new NotFoundException("partner", id));
    }

    /** Read for every notice (a month end sends thousands): the few columns, not the whole aggregate. */
    public PartnerContact contact(long id) {
        return repository.findContactById(id).orElseThrow(() -> new NotFoundException("partner", id));
    }

    public Optional<Partner> find(long id) {
        return repository.findById(id);
    }

    /** Every partner linked to LINE: who the local LINE sandbox offers to sign in as (never used elsewhere). */
    public List<Partner> linkedToLine() {
        return repository.findLinkedToLine();
    }

    /** The partners a LINE user is, one per company (empty for a LINE user nobody registered). */
    public LineUser lineUser(String lineUserId) {
        return new LineUser(lineUserId, repository.findByLineUserId(lineUserId));
    }

    /**
     * The companies the partner can switch to on their pages: the partners linked to the same LINE
     * user (the partner themself included), each with its company's name, oldest first.
     */
    public List<PartnerOfCompany> companiesOf(long partnerId) {
        return repository.findSameLineUserAs(partnerId).stream()
                .map(p -> new PartnerOfCompany(p.id(), p.companyId(), companies.get(p.companyId()).name())).toList();
    }

    /** One of the partners a LINE user is: which company they are a partner of. */
    public record PartnerOfCompany(long partnerId, long companyId, String companyName) {
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
     * must not be another partner's of the same company (it may be a partner of other companies:
     * a freelancer working for several); otherwise nothing changes.
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
        Optional<Partner> holder = repository.findByLineUserId(lineUserId).stream()
                .filter(p -> p.companyId() == partner.companyId() && !p.id().equals(partnerId)).findFirst();
        if (holder.isPresent()) {
            throw new LineLinkRefused(LineLinkRefused.Reason.LINKED_TO_ANOTHER_PARTNER,
                    "the LINE account is linked to partner " + holder.get().id() + " of the same company");
        }
        Instant now = clock.instant();
        for (Consent consent : consents) {
            consentsGiven.record(partnerId, consent, now);
        }
        return repository.save(partner.withLine(lineUserId, following));
    }

    /**
     * The partner signed in with LINE: the oldest partner linked to that LINE account, if any; their
     * pages switch to another company's partner of the same LINE user (see {@link #companiesOf}).
     */
    public Optional<Partner> signedInWithLine(String lineUserId) {
        return repository.findByLineUserId(lineUserId).stream().findFirst();
    }

    /**
     * The partner unlinks LINE from their settings: LINE notices of this company stop, mail and in-app
     * go on; their partners of other companies stay linked.
     */
    @Transactional
    public Partner unlinkLine(long partnerId) {
        return repository.save(get(partnerId).withLine(null, false));
    }

    public java.util.Map<Consent, Instant> consents(long partnerId) {
        return consentsGiven.of(partnerId);
    }

    /**
     * The LINE user followed (or unblocked) the official account, for every company they are a
     * partner of; false if no partner is linked to it.
     */
    @Transactional
    public boolean lineFollowed(String lineUserId) {
        return repository.updateLineFollowing(lineUserId, true) > 0;
    }

    /** The LINE user blocked the official account: LINE notices of every company stop, mail and in-app go on. */
    @Transactional
    public void lineUnfollowed(String lineUserId) {
        repository.updateLineFollowing(lineUserId, false);
    }
}
