package jp.partnerflow.order;


import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;

import jp.partnerflow.partner.Partners;
import jp.partnerflow.platform.CompanyTenants.ProcessCompany;

/** An order's process (and the billing months it calls) belongs to the company of the order's partner. */
@Configuration("orderProcessCompanies")
class ProcessCompanies {
    @Bean
    @Order(1)
    ProcessCompany companyOfOrder(JdbcClient jdbc, Partners partners) {
        return ProcessCompany.byId(PurchaseOrderProcess.ORDER_ID, order -> jdbc
                .sql("SELECT partner_id FROM purchase_order WHERE id = ?").param(order).query(Long.class).optional()
                .flatMap(partners::companyOf));
    }
}
