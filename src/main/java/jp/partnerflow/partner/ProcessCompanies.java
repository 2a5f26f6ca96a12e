package jp.partnerflow.partner;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import jp.partnerflow.platform.CompanyTenants.ProcessCompany;

/** A process started for a partner (the Tasklist start form 「発注書を発行」) belongs to the partner's company. */
@Configuration("partnerProcessCompanies")
class ProcessCompanies {
    @Bean
    ProcessCompany companyOfPartner(Partners partners) {
        return ProcessCompany.byId("partnerId", partners::companyOf);
    }
}
