package jp.partnerflow.meisai;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import jp.partnerflow.platform.CompanyTenants.ProcessCompany;

/** A 楽楽明細 run belongs to its connection's company (also when the timer sweep, of no company, calls it). */
@Configuration("meisaiProcessCompanies")
class ProcessCompanies {
    @Bean
    ProcessCompany companyOfMeisaiRun(JdbcClient jdbc) {
        return ProcessCompany.byId(MeisaiRunProcess.RUN_ID, run -> jdbc.sql("""
                SELECT c.company_id FROM meisai_run r JOIN meisai_connection c ON c.id = r.connection_id WHERE r.id = ?""")
                .param(run).query(Long.class).optional());
    }
}
