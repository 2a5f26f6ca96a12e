package jp.partnerflow.notification;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import jp.partnerflow.partner.Partners;
import jp.partnerflow.platform.CompanyTenants.ProcessCompany;

/** A delivery's retries (and their incident) belong to the company of the partner the notice is for. */
@Configuration("notificationProcessCompanies")
class ProcessCompanies {
    @Bean
    ProcessCompany companyOfDelivery(NoticeDeliveryRepository deliveries, Partners partners) {
        return ProcessCompany.byId(NoticeDeliveryProcess.DELIVERY_ID,
                delivery -> deliveries.findPartnerIdById(delivery).flatMap(partners::companyOf));
    }
}
