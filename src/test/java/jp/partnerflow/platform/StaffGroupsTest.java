package jp.partnerflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import jp.partnerflow.support.FeatureTest;

/** The staff groups the models hand tasks to exist in Camunda Admin, with the admin in each. */
class StaffGroupsTest extends FeatureTest {
    @Autowired
    IdentityService identity;

    @Test
    void theGroupsTheModelsNameExistWithTheirJapaneseNames() {
        assertThat(identity.createGroupQuery().groupMember(STAFF_USER).orderByGroupId().asc().list())
                .extracting(Group::getId, Group::getName)
                .contains(tuple("accounting", "経理"),
                        tuple("accountingManager", "経理責任者"),
                        tuple("ordering", "発注担当"));
    }
}
