package jp.partnerflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import com.fasterxml.jackson.databind.JsonNode;

import jp.partnerflow.support.Api;
import jp.partnerflow.support.FeatureTest;
import jp.partnerflow.support.Webhooks;

/**
 * Every notice also goes by mail, through a real SMTP server (GreenMail): a partner's whole cycle,
 * each notice type's Japanese subject and body, with the link to its page; and the channels follow
 * the partner's LINE friendship while mail and in-app go on.
 */
class NoticeMailTest extends FeatureTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Autowired
    ManagementService management;

    @Test
    void eachNoticeTypeGoesByMailWithItsJapaneseSubjectBodyAndLink() throws Exception {
        String user = Api.newLineUserId();
        long partnerId = api.partner(api.company(true), user);
        String email = api.get("/api/partners/" + partnerId).json().get("email").asText();
        long order = api.post("/api/orders", """
                {"partnerId":%d,"title":"Webサイト保守","workContent":"月次保守","periodStart":"2026-12-01",
                 "periodEnd":"2026-12-31","fee":300000,"taxRate":"TEN_PERCENT"}""".formatted(partnerId)).id();
        String orderProcess = api.get("/api/orders/" + order).json().get("processInstanceId").asText();
        awaitMails(email, 1);
        management.executeJob(job(orderProcess, "Timer_DecisionReminder"));
        approveOnLine(user, order);
        String month = billingMonthProcess(order);
        Api partner = api.asPartner(partnerId);
        assertThat(partner.post("/api/me/work-reports", """
                {"orderId":%d,"billingMonth":"2026-12","entries":[{"workDate":"2026-12-01","hours":8,"content":"保守"}]}"""
                .formatted(order)).status()).isEqualTo(201);
        management.executeJob(job(month, "Timer_DayAfterClosing"));
        long invoice = partner.post("/api/me/invoices", "{\"orderId\":%d,\"billingMonth\":\"2026-12\"}".formatted(order)).id();
        assertThat(partner.post("/api/me/invoices/" + invoice + "/submit", "{\"invoiceMonth\":\"2026-12\"}").status())
                .isEqualTo(200);
        reviewMonth(month, "RETURN", "請求月を確認してください");
        assertThat(partner.post("/api/me/invoices/" + invoice + "/submit", "{\"invoiceMonth\":\"2026-12\"}").status())
                .isEqualTo(200);
        reviewMonth(month, "APPROVE", null);
        long notice = await().atMost(PATIENCE).until(() -> api.get("/api/payment-notices?invoiceId=" + invoice),
                r -> r.status() == 200 && r.json().get("status").asText().equals("SENT")).json().get("id").asLong();
        String noticeProcess = api.get("/api/payment-notices/" + notice).json().get("processInstanceId").asText();
        management.executeJob(job(noticeProcess, "Timer_ConfirmationDeadline"));

        List<MimeMessage> mails = awaitMails(email, 7);
        assertThat(mails).extracting(MimeMessage::getSubject).containsExactly(
                "発注書を確認してください", "発注書を確認してください", "業務報告が作成されました", "請求書を作成してください",
                "請求書が差し戻されました", "支払通知書を確認してください", "支払通知書の承認が完了しました");
        // each mail carries what the partner sees in-app: the same lines and the link to the page
        JsonNode inApp = api.get("/api/partners/" + partnerId + "/notices").json();
        assertThat(inApp).hasSize(7);
        for (int i = 0; i < 7; i++) {
            JsonNode shown = inApp.get(6 - i);
            String text = mails.get(i).getContent().toString();
            assertThat(mails.get(i).getSubject()).isEqualTo(shown.get("title").asText());
            assertThat(text).startsWith(shown.get("title").asText()).contains(shown.get("body").asText())
                    .contains(shown.get("linkUrl").asText());
            assertThat(mails.get(i).getAllRecipients()).extracting(Object::toString).containsExactly(email);
            assertThat(shown.get("deliveries").findValuesAsText("channel")).containsExactlyInAnyOrder("MAIL", "LINE");
            assertThat(shown.get("deliveries").findValuesAsText("status")).containsOnly("DELIVERED");
        }
        assertThat(mails.get(4).getContent().toString()).contains("請求月を確認してください");
        assertThat(mails.get(5).getContent().toString()).contains("299,370円");
        assertThat(mails.get(0).getContentType()).contains("UTF-8");
    }

    @Test
    void unfollowStopsLineButNotMailAndRefollowResumesIt() throws Exception {
        String user = Api.newLineUserId();
        long company = api.company(true);
        long partnerId = api.partner(company, user);
        String email = api.get("/api/partners/" + partnerId).json().get("email").asText();

        webhook(Webhooks.unfollow(Webhooks.newEventId(), user));
        await().atMost(PATIENCE).until(() -> !api.get("/api/partners/" + partnerId).json().get("lineFollowing").asBoolean());
        api.order(partnerId);
        awaitMails(email, 1);
        assertThat(channelsOfLatest(partnerId)).containsExactly("MAIL");
        assertThat(pushesTo(user)).isEmpty();

        webhook(Webhooks.follow(Webhooks.newEventId(), user));
        await().atMost(PATIENCE).until(() -> api.get("/api/partners/" + partnerId).json().get("lineFollowing").asBoolean());
        api.order(partnerId);
        awaitMails(email, 2);
        assertThat(channelsOfLatest(partnerId)).containsExactlyInAnyOrder("MAIL", "LINE");
        await().atMost(PATIENCE).until(() -> pushTextsTo(user).stream().anyMatch(t -> t.contains("発注書を確認してください")));
    }

    private List<String> channelsOfLatest(long partnerId) {
        return api.get("/api/partners/" + partnerId + "/notices").json().get(0).get("deliveries").findValuesAsText("channel");
    }

    private void webhook(String body) {
        assertThat(api.webhook(body, sign(body, CHANNEL_SECRET)).status()).isEqualTo(200);
    }

    private String job(String processInstance, String activityId) {
        return await().atMost(PATIENCE).until(() -> management.createJobQuery().processInstanceId(processInstance)
                .activityId(activityId).singleResult(), j -> j != null).getId();
    }

    /** The partner's mails in the order they arrived, once there are n. */
    private static List<MimeMessage> awaitMails(String email, int n) {
        return await().atMost(PATIENCE).until(() -> Arrays.stream(MAIL.getReceivedMessages())
                .filter(m -> to(m, email)).toList(), l -> l.size() >= n);
    }

    private static boolean to(MimeMessage message, String email) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(email));
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
