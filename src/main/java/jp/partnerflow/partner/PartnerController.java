package jp.partnerflow.partner;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import jp.partnerflow.platform.StaffCompanies;

@RestController
@RequestMapping("/api/partners")
class PartnerController {
    private final Partners partners;
    private final PartnerAccessTokens accessTokens;
    private final StaffCompanies staff;

    PartnerController(Partners partners, PartnerAccessTokens accessTokens, StaffCompanies staff) {
        this.partners = partners;
        this.accessTokens = accessTokens;
        this.staff = staff;
    }

    /** A partner of another company is not found. */
    private long ofMyCompany(long partnerId) {
        staff.check(partners.companyOfPartner(partnerId), "partner", partnerId);
        return partnerId;
    }

    record NewPartner(
            @NotNull Long companyId,
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Email @Size(max = 254) String email,
            @NotNull PartnerKind kind,
            @Pattern(regexp = "T\\d{13}", message = "must be T followed by 13 digits") String registrationNumber,
            @Pattern(regexp = "U[0-9a-f]{32}", message = "must be a LINE user id (U + 32 hex digits)") String lineUserId,
            @Valid BasicInfo basicInfo,
            @Valid BankAccount bankAccount) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Partner register(@Valid @RequestBody NewPartner request) {
        staff.checkField(request.companyId(), "companyId", "no such company");
        return partners.register(request);
    }

    @GetMapping("/{id}")
    Partner get(@PathVariable long id) {
        return partners.get(ofMyCompany(id));
    }

    @GetMapping
    List<Partner> ofCompany(@RequestParam long companyId) {
        staff.check(companyId, "company", companyId);
        return partners.ofCompany(companyId);
    }

    /** A bearer token for the partner API, shown this once (only its hash is kept); it expires. */
    @PostMapping("/{id}/access-tokens")
    @ResponseStatus(HttpStatus.CREATED)
    PartnerAccessTokens.Issued issueAccessToken(@PathVariable long id, Authentication caller) {
        return accessTokens.issue(ofMyCompany(id), caller.getName());
    }

    /** The partner's tokens: who issued each, when, until when, whether revoked (never the token). */
    @GetMapping("/{id}/access-tokens")
    List<PartnerAccessTokens.TokenInfo> accessTokens(@PathVariable long id) {
        return accessTokens.of(ofMyCompany(id));
    }

    @DeleteMapping("/{id}/access-tokens/{tokenId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revokeAccessToken(@PathVariable long id, @PathVariable long tokenId) {
        accessTokens.revoke(ofMyCompany(id), tokenId);
    }

    @PutMapping("/{id}/basic-info")
    Partner updateBasicInfo(@PathVariable long id, @Valid @RequestBody BasicInfo info) {
        return partners.updateBasicInfo(ofMyCompany(id), info);
    }

    @PutMapping("/{id}/bank-account")
    Partner updateBankAccount(@PathVariable long id, @Valid @RequestBody BankAccount account) {
        return partners.updateBankAccount(ofMyCompany(id), account);
    }
}
