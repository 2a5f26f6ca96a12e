package jp.partnerflow.payment;


import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;

import jp.partnerflow.partner.Partners;
import jp.partnerflow.platform.CompanyTenants.ProcessCompany;

/**
 * A payment notice's processes (its confirmation, its issue to 楽楽明細) belong to the company of its
 * partner; so does a correction started from Tasklist by the notice's number.
 */
@Configuration("paymentProcessCompanies")
class ProcessCompanies {
    @Bean
    @Order(1)
    ProcessCompany companyOfPaymentNotice(JdbcClient jdbc, Partners partners) {
        return ProcessCompany.byId(PaymentNoticeProcess.PAYMENT_NOTICE_ID, notice -> jdbc
                .sql("SELECT partner_id FROM payment_notice WHERE id = ?").param(notice).query(Long.class).optional()
                .flatMap(partners::companyOf));
    }

    @Bean
    @Order(1)
    ProcessCompany companyOfPaymentNoticeNumber(JdbcClient jdbc, Partners partners) {
        return new ProcessCompany(CorrectApprovedFromForm.NUMBER, number -> jdbc
                .sql("SELECT partner_id FROM payment_notice WHERE number = ?").param(String.valueOf(number).strip())
                .query(Long.class).optional().flatMap(partners::companyOf));
    }
}
