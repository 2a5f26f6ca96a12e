package jp.partnerflow.notification;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import jp.partnerflow.partner.Partners;
import jp.partnerflow.platform.CompanyTenants.ProcessCompany;

/** A delivery's retries (and their incident) belong to the company of the partner the notice is for. */
@Configuration("notificationProcessCompanies")
class ProcessCompanies {
    @Bean
    ProcessCompany companyOfDelivery(JdbcClient jdbc, Partners partners) {
        return ProcessCompany.byId(NoticeDeliveryProcess.DELIVERY_ID, delivery -> jdbc.sql("""
                SELECT n.partner_id FROM notice_delivery d JOIN notice n ON n.id = d.notice_id WHERE d.id = ?""")
                .param(delivery).query(Long.class).optional().flatMap(partners::companyOf));
    }
}
