package jp.partnerflow.meisai;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import jp.partnerflow.platform.CompanyTenants.ProcessCompany;

/** A 楽楽明細 run belongs to its connection's company (also when the timer sweep, of no company, calls it). */
@Configuration("meisaiProcessCompanies")
class ProcessCompanies {
    @Bean
    ProcessCompany companyOfMeisaiRun(MeisaiRunRepository runs) {
        return ProcessCompany.byId(MeisaiRunProcess.RUN_ID, runs::findCompanyIdById);
    }
}
