package jp.partnerflow.partner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import jp.partnerflow.support.Api;
import jp.partnerflow.support.FeatureTest;

/** The partner read by LINE user (mapped by hand, {@link PartnerRow}) is the partner Spring Data reads by id. */
class PartnerRowTest extends FeatureTest {

    @Autowired
    Partners partners;

    @Test
    void aPartnerWithItsWholeProfileReadsTheSameBothWays() {
        String user = Api.newLineUserId();
        long id = api.partner(api.company(true), user);

        Partner byLine = partners.lineUser(user).as(id).orElseThrow();
        assertThat(byLine).isEqualTo(partners.get(id));
        assertThat(byLine.readyToAcceptOrders()).isTrue();
    }

    @Test
    void aPartnerWithoutBasicInfoOrBankAccountReadsTheSameBothWays() {
        String user = Api.newLineUserId();
        long id = api.partnerWithoutProfile(api.company(true), user);

        Partner byLine = partners.lineUser(user).as(id).orElseThrow();
        assertThat(byLine).isEqualTo(partners.get(id));
        assertThat(byLine.basicInfo()).isNull();
        assertThat(byLine.bankAccount()).isNull();
        assertThat(byLine.readyToAcceptOrders()).isFalse();
    }
}
