package jp.partnerflow.platform;

import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The candidate groups the processes assign Tasklist tasks to. Created once if missing, with the
 * configured admin as a member so a fresh installation can work every task; Camunda Admin manages
 * them from then on.
 */
@Component
public class StaffGroups {
    /** 発注担当: issues, revises and cancels purchase orders. */
    public static final String ORDERING = "ordering";
    /** 経理: reviews invoices and corrects payment notices. */
    public static final String ACCOUNTING = "accounting";
    /** 経理責任者: reviews the invoices dmn/invoice-review.dmn gives them (large amounts). */
    public static final String ACCOUNTING_MANAGER = "accountingManager";

    /** DB設定 and システム連携: configuring 楽楽明細 needs both (running an integration needs neither). */
    public static final String DB_SETTINGS = "dbSettings";
    public static final String SYSTEM_INTEGRATION = "systemIntegration";

    private static final Map<String, String> NAMES = Map.of(ORDERING, "発注担当", ACCOUNTING, "経理",
            ACCOUNTING_MANAGER, "経理責任者", DB_SETTINGS, "DB設定", SYSTEM_INTEGRATION, "システム連携");

    private final IdentityService identityService;
    private final CamundaBpmProperties camunda;

    StaffGroups(IdentityService identityService, CamundaBpmProperties camunda) {
        this.identityService = identityService;
        this.camunda = camunda;
    }

    /** Nodes of a cluster may start together: a group another node has just created is fine. */
    @EventListener(ApplicationReadyEvent.class)
    void createMissingGroups() {
        String admin = camunda.getAdminUser() == null ? null : camunda.getAdminUser().getId();
        NAMES.forEach((id, name) -> {
            if (identityService.createGroupQuery().groupId(id).count() > 0) {
                return;
            }
            try {
                Group group = identityService.newGroup(id);
                group.setName(name);
                group.setType("WORKFLOW");
                identityService.saveGroup(group);
                if (admin != null && identityService.createUserQuery().userId(admin).count() > 0) {
                    identityService.createMembership(admin, id);
                }
            } catch (ProcessEngineException raced) {
                if (identityService.createGroupQuery().groupId(id).count() == 0) {
                    throw raced;
                }
            }
        });
    }
}
