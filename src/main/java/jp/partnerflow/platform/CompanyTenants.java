package jp.partnerflow.platform;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.function.Function;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantCommandChecker;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Every company is a Camunda tenant, {@code company<id>}: its process instances, tasks, jobs,
 * incidents and history carry that tenant id, and the engine shows a staff user only those of the
 * tenants they are a member of ({@code camunda-admin} sees all). The process definitions are shared
 * (deployed once without a tenant); this provider gives each new instance its company's tenant: a
 * called instance its caller's, any other the company of its start variables, which each feature
 * names ({@link ProcessCompany}). An instance of no company (LINE events, the 楽楽明細 timer sweep)
 * has no tenant and is seen by operators only.
 */
@Component
public class CompanyTenants extends AbstractProcessEnginePlugin implements TenantIdProvider {
    private static final String PREFIX = "company";

    /** Looked up when the first instance starts: the features' resolvers need the engine themselves. */
    private final ObjectProvider<ProcessCompany> resolvers;
    private volatile List<ProcessCompany> resolved;

    CompanyTenants(ObjectProvider<ProcessCompany> resolvers) {
        this.resolvers = resolvers;
    }

    /** The tenant id of a company (letters and digits, as Camunda's id rule wants). */
    public static String of(long companyId) {
        return PREFIX + companyId;
    }

    /** The company of a tenant id, if it is a company's. */
    public static Optional<Long> companyOf(String tenantId) {
        return tenantId != null && tenantId.startsWith(PREFIX) && tenantId.length() > PREFIX.length()
                ? Optional.of(Long.parseLong(tenantId.substring(PREFIX.length()))) : Optional.empty();
    }

    /** Which company a process instance belongs to, by one of its start variables (e.g. orderId). */
    public record ProcessCompany(String variable, Function<Object, Optional<Long>> companyOf) {
        /** A resolver of a numeric id variable. */
        public static ProcessCompany byId(String variable, Function<Long, Optional<Long>> companyOf) {
            return new ProcessCompany(variable, value -> value instanceof Number id ? companyOf.apply(id.longValue())
                    : Optional.empty());
        }
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setTenantIdProvider(this);
    }

    /**
     * The engine refuses a user another company's task, instance or job with a plain engine error,
     * which its REST API answers with 500; refused as an authorization failure instead, it is a 403.
     */
    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setCommandCheckers(configuration.getCommandCheckers().stream()
                .map(checker -> checker instanceof TenantCommandChecker ? refusingWith403(checker) : checker)
                .collect(Collectors.toCollection(ArrayList::new)));
    }

    private static CommandChecker refusingWith403(CommandChecker tenantChecker) {
        return (CommandChecker) Proxy.newProxyInstance(CommandChecker.class.getClassLoader(),
                new Class<?>[] { CommandChecker.class }, (proxy, method, arguments) -> {
                    try {
                        return method.invoke(tenantChecker, arguments);
                    } catch (InvocationTargetException e) {
                        if (e.getCause() instanceof ProcessEngineException refused) {
                            throw new AuthorizationException(refused.getMessage());
                        }
                        throw e.getCause();
                    }
                });
    }

    @Override
    public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext instance) {
        if (instance.getSuperExecution() != null && instance.getSuperExecution().getTenantId() != null) {
            return instance.getSuperExecution().getTenantId();
        }
        for (ProcessCompany resolver : resolvers()) {
            Object value = instance.getVariables().get(resolver.variable());
            if (value != null) {
                return resolver.companyOf().apply(value).map(CompanyTenants::of).orElse(null);
            }
        }
        return null;
    }

    private List<ProcessCompany> resolvers() {
        if (resolved == null) {
            resolved = resolvers.stream().toList();
        }
        return resolved;
    }

    @Override
    public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext decision) {
        return decision.getExecution() != null ? decision.getExecution().getTenantId() : null;
    }

    @Override
    public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext caseInstance) {
        return null;
    }
}
