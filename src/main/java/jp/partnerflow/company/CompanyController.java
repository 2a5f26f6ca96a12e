package jp.partnerflow.company;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import jp.partnerflow.platform.StaffCompanies;

@RestController
@RequestMapping("/api/companies")
class CompanyController {
    private final Companies companies;
    private final StaffCompanies staff;

    CompanyController(Companies companies, StaffCompanies staff) {
        this.companies = companies;
        this.staff = staff;
    }

    record NewCompany(
            @NotBlank @Size(max = 200) String name,
            @NotNull @DayOfMonthOrEnd Integer closingDay,
            @NotNull @Valid PaymentTerms paymentTerms,
            @NotNull Boolean lineOption,
            @Min(1) @Max(7) Integer paymentNoticeConfirmationDays) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Company register(@Valid @RequestBody NewCompany request) {
        return companies.register(request);
    }

    @GetMapping("/{id}")
    Company get(@PathVariable long id) {
        staff.check(id, "company", id);
        return companies.get(id);
    }
}
