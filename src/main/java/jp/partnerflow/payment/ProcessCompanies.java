package jp.partnerflow.payment;

import java.util.Optional;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import jp.partnerflow.partner.Partners;
import jp.partnerflow.platform.CompanyTenants.ProcessCompany;

/**
 * A payment notice's processes (its confirmation, its issue to 楽楽明細) belong to the company of its
 * partner; so does a correction started from Tasklist by the notice's number.
 */
@Configuration("paymentProcessCompanies")
class ProcessCompanies {
    private final JdbcClient jdbc;
    private final Partners partners;

    ProcessCompanies(JdbcClient jdbc, Partners partners) {
        this.jdbc = jdbc;
        this.partners = partners;
    }

    @Bean
    ProcessCompany companyOfPaymentNotice() {
        return ProcessCompany.byId(PaymentNoticeProcess.PAYMENT_NOTICE_ID, notice -> companyOfNotice("id", notice));
    }

    @Bean
    ProcessCompany companyOfPaymentNoticeNumber() {
        return new ProcessCompany(CorrectApprovedFromForm.NUMBER,
                number -> companyOfNotice("number", String.valueOf(number).strip()));
    }

    private Optional<Long> companyOfNotice(String column, Object value) {
        return jdbc.sql("SELECT partner_id FROM payment_notice WHERE " + column + " = ?").param(value)
                .query(Long.class).optional().flatMap(partners::companyOf);
    }
}
