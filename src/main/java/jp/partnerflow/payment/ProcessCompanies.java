package jp.partnerflow.payment;


import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import jp.partnerflow.partner.Partners;
import jp.partnerflow.platform.CompanyTenants.ProcessCompany;

/**
 * A payment notice's processes (its confirmation, its issue to 楽楽明細) belong to the company of its
 * partner; so does a correction started from Tasklist by the notice's number.
 */
@Configuration("paymentProcessCompanies")
class ProcessCompanies {
    private final PaymentNoticeRepository notices;
    private final Partners partners;

    ProcessCompanies(PaymentNoticeRepository notices, Partners partners) {
        this.notices = notices;
        this.partners = partners;
    }

    @Bean
    ProcessCompany companyOfPaymentNotice() {
        return ProcessCompany.byId(PaymentNoticeProcess.PAYMENT_NOTICE_ID, notice -> notices.findPartnerIdById(notice).flatMap(partners::companyOf));
    }

    @Bean
    ProcessCompany companyOfPaymentNoticeNumber() {
        return new ProcessCompany(CorrectApprovedFromForm.NUMBER,
                number -> notices.findPartnerIdByNumber(String.valueOf(number).strip()).flatMap(partners::companyOf));
    }
}
