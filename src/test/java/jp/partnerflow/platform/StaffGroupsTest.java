package jp.partnerflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import jp.partnerflow.support.FeatureTest;

/** The staff groups exist in Camunda Admin with their Japanese names and grants, made once however often the service starts. */
class StaffGroupsTest extends FeatureTest {
    @Autowired
    StaffGroups staffGroups;
    @Autowired
    AuthorizationService authorizations;

    @Test
    void theGroupsExistWithTheirJapaneseNames() {
        assertThat(identity.createGroupQuery().groupMember(STAFF_USER).orderByGroupId().asc().list())
                .extracting(Group::getId, Group::getName)
                .contains(tuple("accounting", "経理"),
                        tuple("accountingManager", "経理責任者"),
                        tuple("ordering", "発注担当"),
                        tuple("processOwners", "プロセスオーナー"),
                        tuple("dbSettings", "DB設定"),
                        tuple("systemIntegration", "システム連携"));
    }

    @Test
    void aSecondStartAddsNoGrantAndRestoresOneTakenAway() {
        long grants = authorizations.createAuthorizationQuery().count();
        Authorization deploy = authorizations.createAuthorizationQuery().groupIdIn(StaffGroups.PROCESS_OWNERS)
                .resourceType(org.camunda.bpm.engine.authorization.Resources.DEPLOYMENT).singleResult();
        authorizations.deleteAuthorization(deploy.getId());

        staffGroups.createMissing();
        staffGroups.createMissing();

        assertThat(authorizations.createAuthorizationQuery().count()).isEqualTo(grants);
        assertThat(authorizations.isUserAuthorized("nobody", java.util.List.of(StaffGroups.PROCESS_OWNERS),
                org.camunda.bpm.engine.authorization.Permissions.CREATE,
                org.camunda.bpm.engine.authorization.Resources.DEPLOYMENT)).isTrue();
    }
}
