package jp.partnerflow.company;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import jp.partnerflow.platform.CompanyTenants;

/**
 * Each company's Camunda tenant ({@link CompanyTenants}), named as the company: made with the company,
 * and at start-up for companies made before tenants were (every node may try; one wins). Operators
 * make staff members of it in Camunda Admin (Tenants → the company → Users / Groups).
 */
@Component
class TenantOfCompany {
    private final IdentityService identity;
    private final CompanyRepository companies;

    TenantOfCompany(IdentityService identity, CompanyRepository companies) {
        this.identity = identity;
        this.companies = companies;
    }

    void create(long companyId, String name) {
        String id = CompanyTenants.of(companyId);
        if (identity.createTenantQuery().tenantId(id).count() > 0) {
            return;
        }
        try {
            Tenant tenant = identity.newTenant(id);
            tenant.setName(name);
            identity.saveTenant(tenant);
        } catch (ProcessEngineException raced) {
            if (identity.createTenantQuery().tenantId(id).count() == 0) {
                throw raced;
            }
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void createMissing() {
        companies.findAll().forEach(company -> create(company.id(), company.name()));
    }
}
