package jp.partnerflow.platform;

import static jp.partnerflow.platform.StaffGroups.ACCOUNTING;
import static jp.partnerflow.platform.StaffGroups.ACCOUNTING_MANAGER;
import static jp.partnerflow.platform.StaffGroups.ORDERING;
import static jp.partnerflow.platform.StaffGroups.PROCESS_OWNERS;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Each staff group's Tasklist filters, in Japanese, made at first start (by name, so one a user
 * renamed or deleted in Tasklist is made again only when no filter has the name): the group's own
 * kind of task, due first, claimed ones included. Each group may read its filters only.
 */
@Component
class TasklistFilters {
    /** A filter: its name, the task it lists, the groups it is for, what it says. */
    record Definition(String name, String taskDefinitionKey, List<String> groups, int priority, String description) {
    }

    static final List<Definition> FILTERS = List.of(
            new Definition("経理：請求書の確認", "UserTask_ReviewInvoice", List.of(ACCOUNTING), 10,
                    "パートナーから届いた請求書（100万円以下）の確認"),
            new Definition("経理責任者：高額請求書の確認", "UserTask_ReviewInvoice", List.of(ACCOUNTING_MANAGER), 10,
                    "100万円を超える請求書の確認"),
            new Definition("経理：支払通知書の修正", "UserTask_CorrectPaymentNotice", List.of(ACCOUNTING, ACCOUNTING_MANAGER), 20,
                    "パートナーから差し戻された支払通知書の修正"),
            new Definition("発注担当：辞退された発注書", "UserTask_ReviseOrder", List.of(ORDERING), 10,
                    "パートナーが辞退した発注書の修正または取消"),
            new Definition("プロセスオーナー：モデルの確認", "UserTask_ReviewKeptModel", List.of(PROCESS_OWNERS), 10,
                    "Modelerからデプロイされ、起動時に保持したモデル"));

    private final FilterService filters;
    private final TaskService tasks;
    private final AuthorizationService authorizations;

    TasklistFilters(FilterService filters, TaskService tasks, AuthorizationService authorizations) {
        this.filters = filters;
        this.tasks = tasks;
        this.authorizations = authorizations;
    }

    @EventListener(ApplicationReadyEvent.class)
    void createMissing() {
        FILTERS.forEach(this::create);
    }

    private void create(Definition definition) {
        if (filters.createTaskFilterQuery().filterName(definition.name()).count() > 0) {
            return;
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("description", definition.description());
        properties.put("priority", definition.priority());
        properties.put("refresh", true);
        Filter filter = filters.newTaskFilter(definition.name())
                .setProperties(properties)
                .setQuery(tasks.createTaskQuery().taskDefinitionKey(definition.taskDefinitionKey())
                        .taskCandidateGroupIn(definition.groups()).includeAssignedTasks().orderByDueDate().asc());
        filters.saveFilter(filter);
        for (String group : definition.groups()) {
            Authorization read = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            read.setGroupId(group);
            read.setResource(Resources.FILTER);
            read.setResourceId(filter.getId());
            read.addPermission(Permissions.READ);
            authorizations.saveAuthorization(read);
        }
    }
}
