package jp.partnerflow.platform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The staff roles: Camunda groups, and what each may do in the engine (Camunda authorizations,
 * which the engine enforces on Tasklist, Cockpit, Admin and {@code /engine-rest} alike). Created
 * at start-up when missing, with the configured admin as a member of each group; Camunda Admin
 * manages them from then on. What each may call under {@code /api} is {@link StaffApiAccess}.
 * <p>
 * Tasks need no grant here: the engine gives a task's candidate groups READ and TASK_WORK on that
 * task when it is created ({@code default-user-permission-name-for-task}), so a group sees, claims
 * and completes only the tasks routed to it.
 */
@Component
public class StaffGroups {
    /** 管理者: everything (the Camunda starter grants it ALL on every resource). */
    public static final String ADMIN = Groups.CAMUNDA_ADMIN;
    /** プロセスオーナー: deploys models (which run their expressions as code), reads definitions, Cockpit. */
    public static final String PROCESS_OWNERS = "processOwners";
    /** 発注担当: issues, revises and cancels purchase orders. */
    public static final String ORDERING = "ordering";
    /** 経理: reviews invoices and corrects payment notices. */
    public static final String ACCOUNTING = "accounting";
    /** 経理責任者: what 経理 may, and the invoices dmn/invoice-review.dmn gives them (large amounts). */
    public static final String ACCOUNTING_MANAGER = "accountingManager";
    /** DB設定 and システム連携: configuring 楽楽明細 needs both. */
    public static final String DB_SETTINGS = "dbSettings";
    public static final String SYSTEM_INTEGRATION = "systemIntegration";

    private static final Map<String, String> NAMES = new LinkedHashMap<>();
    static {
        NAMES.put(PROCESS_OWNERS, "プロセスオーナー");
        NAMES.put(ORDERING, "発注担当");
        NAMES.put(ACCOUNTING, "経理");
        NAMES.put(ACCOUNTING_MANAGER, "経理責任者");
        NAMES.put(DB_SETTINGS, "DB設定");
        NAMES.put(SYSTEM_INTEGRATION, "システム連携");
    }

    /** One engine permission of a group: on a resource (or every one, {@code *}). */
    record Grant(String group, Resource resource, String resourceId, Permission... permissions) {
    }

    private static final String ANY = Authorization.ANY;

    /** Every engine permission a staff group has beyond its tasks. */
    static final List<Grant> GRANTS = Stream.of(List.of(
            new Grant(PROCESS_OWNERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS),
            // 「Modelerでデプロイしたモデルをリポジトリに取り込む」 (platform.ModelDeployment)
            new Grant(PROCESS_OWNERS, Resources.APPLICATION, "tasklist", Permissions.ACCESS),
            new Grant(PROCESS_OWNERS, Resources.DEPLOYMENT, ANY, Permissions.CREATE, Permissions.READ, Permissions.DELETE),
            new Grant(PROCESS_OWNERS, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
                    ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY),
            new Grant(PROCESS_OWNERS, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY),
            new Grant(PROCESS_OWNERS, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ),
            new Grant(PROCESS_OWNERS, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ)),
            // 「発注書を発行」
            tasklistUser(ORDERING, List.of(), List.of("purchase-order")),
            // 「請求書を確認する」 in billing-month; the start form 「支払通知書を作成・訂正」
            tasklistUser(ACCOUNTING, List.of("billing-month"), List.of("payment-notice")),
            tasklistUser(ACCOUNTING_MANAGER, List.of("billing-month"), List.of("payment-notice")))
            .flatMap(List::stream).toList();

    /**
     * Tasklist (its filters are the group's own, {@link TasklistFilters}); the processes of the group's
     * tasks to read (with their history), and those it starts from a start form.
     */
    private static List<Grant> tasklistUser(String group, List<String> reads, List<String> starts) {
        List<Grant> grants = new ArrayList<>(List.of(
                new Grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS)));
        // READ_HISTORY: Tasklist's History tab (who claimed, changed, completed the task)
        reads.forEach(process -> grants.add(new Grant(group, Resources.PROCESS_DEFINITION, process,
                ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_HISTORY)));
        starts.forEach(process -> grants.add(new Grant(group, Resources.PROCESS_DEFINITION, process,
                ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_HISTORY,
                ProcessDefinitionPermissions.CREATE_INSTANCE)));
        if (!starts.isEmpty()) {
            grants.add(new Grant(group, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE));
        }
        return grants;
    }

    private final IdentityService identityService;
    private final AuthorizationService authorizations;
    private final CamundaBpmProperties camunda;

    StaffGroups(IdentityService identityService, AuthorizationService authorizations, CamundaBpmProperties camunda) {
        this.identityService = identityService;
        this.authorizations = authorizations;
        this.camunda = camunda;
    }

    /** Nodes of a cluster may start together: a group or grant another node has just created is fine. */
    @EventListener(ApplicationReadyEvent.class)
    void createMissing() {
        NAMES.forEach(this::createGroup);
        GRANTS.forEach(this::grant);
    }

    private void createGroup(String id, String name) {
        if (identityService.createGroupQuery().groupId(id).count() > 0) {
            return;
        }
        String admin = camunda.getAdminUser() == null ? null : camunda.getAdminUser().getId();
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
    }

    /** Adds what is missing of a grant; what an operator granted on top in Camunda Admin stays. */
    private void grant(Grant grant) {
        for (int attempt = 1;; attempt++) {
            try {
                Authorization existing = authorizations.createAuthorizationQuery()
                        .groupIdIn(grant.group()).resourceType(grant.resource()).resourceId(grant.resourceId())
                        .authorizationType(Authorization.AUTH_TYPE_GRANT).singleResult();
                Authorization authorization = existing != null ? existing
                        : authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
                if (existing != null && Arrays.stream(grant.permissions()).allMatch(existing::isPermissionGranted)) {
                    return;
                }
                authorization.setGroupId(grant.group());
                authorization.setResource(grant.resource());
                authorization.setResourceId(grant.resourceId());
                Arrays.stream(grant.permissions()).forEach(authorization::addPermission);
                authorizations.saveAuthorization(authorization);
                return;
            } catch (ProcessEngineException raced) {
                // another node wrote the same grant (unique per group and resource) or updated it first
                if (attempt == 3) {
                    throw raced;
                }
            }
        }
    }
}
