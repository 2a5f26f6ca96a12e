package jp.partnerflow.order;

import java.util.Optional;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import jp.partnerflow.platform.CompanyTenants.ProcessCompany;

/** An order's process (and the billing months it calls) belongs to the company of the order's partner. */
@Configuration("orderProcessCompanies")
class ProcessCompanies {
    @Bean
    ProcessCompany companyOfOrder(PurchaseOrders orders) {
        return ProcessCompany.byId(PurchaseOrderProcess.ORDER_ID, order -> Optional.of(orders.companyOf(order)));
    }
}
