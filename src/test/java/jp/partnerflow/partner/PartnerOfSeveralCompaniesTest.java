package jp.partnerflow.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jp.partnerflow.support.Api;
import jp.partnerflow.support.Browser;
import jp.partnerflow.support.FeatureTest;
import jp.partnerflow.support.LineLoginFake;

/**
 * A freelancer working for two client companies on the one official account: one LINE user, a
 * partner of each. Registering with the second company links too; each notice names its company;
 * a tap acts only on the tapper's own order, as the partner of the order's company; the pages name
 * the company and switch between them; unlinking from one company leaves the other linked.
 */
class PartnerOfSeveralCompaniesTest extends FeatureTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @BeforeEach
    void lineSaysFriend() {
        LineLoginFake.friendship(LINE);
    }

    @Test
    void oneLineUserIsAPartnerOfTwoCompaniesAndEveryNoticeAndTapKeepsThemApart() throws Exception {
        long alpha = company("株式会社アルファ");
        long beta = company("ベータ合同会社");
        String user = Api.newLineUserId();
        long atAlpha = api.partner(alpha, user);
        long atBeta = api.partner(beta, null);

        // registering with the second company links the same LINE account there too
        Browser phone = new Browser(port);
        assertThat(register(phone, atBeta, user).status()).isEqualTo(302);
        assertThat(lineUserOf(atBeta)).isEqualTo(user);
        assertThat(lineUserOf(atAlpha)).isEqualTo(user);
        // but one LINE account is one partner per company
        Api.Response twice = api.post("/api/partners", """
                {"companyId":%d,"name":"山田 太郎","email":"another@example.jp","kind":"INDIVIDUAL","lineUserId":"%s"}"""
                .formatted(alpha, user));
        assertInvalid(twice, "lineUserId");

        // each company's notice names it, on LINE (text and the chat list's alt text) and by mail
        long alphaOrder = api.order(atAlpha);
        long betaOrder = api.order(atBeta);
        List<String> pushes = await().atMost(PATIENCE).until(() -> pushTextsTo(user), p -> p.size() == 2);
        // the chat list's alt text and the bubble's top line name the company
        assertThat(pushes).anySatisfy(p -> assertThat(p).contains("【株式会社アルファ】発注書を確認してください：",
                "\"text\":\"株式会社アルファ\"", "order=" + alphaOrder));
        assertThat(pushes).anySatisfy(p -> assertThat(p).contains("【ベータ合同会社】発注書を確認してください：",
                "\"text\":\"ベータ合同会社\"", "order=" + betaOrder));
        assertThat(senderOfMailTo(email(atBeta))).isEqualTo("ベータ合同会社");
        assertThat(phoneHome(phone)).contains("ベータ合同会社");

        // a tap acts as the partner whose order it is, whichever company; another LINE user's tap does nothing
        String stranger = Api.newLineUserId();
        api.partner(alpha, stranger);
        assertThat(replyTo(postback(stranger, "action=confirm-approve-order&order=" + betaOrder)))
                .contains("この発注書を操作する権限がありません");
        assertThat(orderStatus(betaOrder)).isEqualTo("ISSUED");
        approveOnLine(user, betaOrder);
        approveOnLine(user, alphaOrder);

        // unlinking from one company leaves the other: LINE notices go on for Beta only
        phone.get("/partner/settings");
        assertThat(phone.post("/partner/settings/unlink-line", Map.of()).html()).contains("LINE連携を解除しました");
        assertThat(api.get("/api/partners/" + atBeta).json().has("lineUserId")).isFalse();
        assertThat(lineUserOf(atAlpha)).isEqualTo(user);
        api.order(atBeta);
        long nextAlphaOrder = api.order(atAlpha);
        await().atMost(PATIENCE).until(() -> pushTextsTo(user).size() == 3);
        await().during(Duration.ofSeconds(2)).atMost(PATIENCE).until(() -> pushTextsTo(user).size() == 3);
        assertThat(pushTextsTo(user).get(2)).contains("株式会社アルファ", "order=" + nextAlphaOrder);
    }

    @Test
    void thePagesNameTheCompanySwitchBetweenThemAndOpenANoticeLinkInItsCompany() {
        long alpha = company("株式会社アルファ");
        long beta = company("ベータ合同会社");
        String user = Api.newLineUserId();
        long atAlpha = api.partner(alpha, user);
        long atBeta = api.partner(beta, user);
        long betaOrder = api.order(atBeta);
        long someoneElsesOrder = api.order(api.partner(beta, Api.newLineUserId()));

        // 「LINEでログイン」: the oldest partner first, named in every page's header, with a way to switch
        Browser phone = new Browser(port);
        Map<String, String> login = Browser.query(phone.get("/partner/login/line").location());
        assertThat(LineLoginFake.callback(LINE, phone, login, LineLoginFake.idToken(user, email(atAlpha), login.get("nonce"),
                LOGIN_CHANNEL_ID, LOGIN_CHANNEL_SECRET, Instant.now().plusSeconds(600))).status()).isEqualTo(302);
        String home = phone.get("/partner").html();
        assertThat(header(home)).contains("株式会社アルファ", "会社を切り替える");

        String companies = phone.get("/partner/companies").html();
        assertThat(companies).contains("株式会社アルファ", "（表示中）", "ベータ合同会社 に切り替える");
        Browser.Page switched = phone.post("/partner/companies/" + atBeta, Map.of());
        assertThat(switched.location()).endsWith("/partner");
        assertThat(header(phone.get("/partner/settings").html())).contains("ベータ合同会社");

        // a partner of another LINE user cannot be switched to, and their order is not shown
        assertThat(phone.post("/partner/companies/" + partnerOfOrder(someoneElsesOrder), Map.of()).status()).isEqualTo(403);
        assertThat(phone.get("/partner/orders/" + someoneElsesOrder).status()).isEqualTo(403);

        // back at Alpha, Beta's notice link opens Beta's order at Beta
        phone.post("/partner/companies/" + atAlpha, Map.of());
        assertThat(header(phone.get("/partner").html())).contains("株式会社アルファ");
        Browser.Page link = phone.get("/partner/orders/" + betaOrder);
        assertThat(link.status()).isEqualTo(302);
        assertThat(link.location()).endsWith("/partner/orders/" + betaOrder);
        Browser.Page order = phone.get("/partner/orders/" + betaOrder);
        assertThat(order.status()).isEqualTo(200);
        assertThat(header(order.html())).contains("ベータ合同会社");
        // and the partner API of one company's partner still refuses the other's order
        Api.Response refused = api.asPartner(atAlpha).get("/api/me/work-reports?orderId=" + betaOrder);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
    }

    private long company(String name) {
        Api.Response created = api.post("/api/companies", """
                {"name":"%s","closingDay":31,"paymentTerms":{"monthOffset":1,"day":31},"lineOption":true}"""
                .formatted(name));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.id();
    }

    /** 同意 → 「LINEでユーザー登録」 → LINE Login as this LINE user with the partner's e-mail. */
    private Browser.Page register(Browser phone, long partnerId, String lineUser) {
        phone.get("/partner/register/" + partnerId);
        Browser.Page toLine = phone.post("/partner/register/" + partnerId, List.of(Map.entry("consent", "TERMS_OF_USE"),
                Map.entry("consent", "PRIVACY_POLICY"), Map.entry("consent", "ELECTRONIC_DOCUMENTS")));
        Map<String, String> authorize = Browser.query(toLine.location());
        return LineLoginFake.callback(LINE, phone, authorize, LineLoginFake.idToken(lineUser, email(partnerId),
                authorize.get("nonce"), LOGIN_CHANNEL_ID, LOGIN_CHANNEL_SECRET, Instant.now().plusSeconds(600)));
    }

    private String phoneHome(Browser phone) {
        return await().atMost(PATIENCE).until(() -> phone.get("/partner").html(), html -> html.contains("発注書を確認してください"));
    }

    private static String header(String html) {
        return html.substring(html.indexOf("<header"), html.indexOf("</header>"));
    }

    private String senderOfMailTo(String address) throws Exception {
        MimeMessage mail = await().atMost(PATIENCE).until(() -> java.util.Arrays.stream(MAIL.getReceivedMessages())
                .filter(m -> {
                    try {
                        return m.getAllRecipients()[0].toString().equals(address);
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                }).findFirst().orElse(null), m -> m != null);
        return ((InternetAddress) mail.getFrom()[0]).getPersonal();
    }

    private String replyTo(String eventId) {
        return await().atMost(PATIENCE).until(() -> repliesTo(eventId), r -> !r.isEmpty()).get(0).getBodyAsString();
    }

    private String orderStatus(long order) {
        return api.get("/api/orders/" + order).json().get("status").asText();
    }

    private long partnerOfOrder(long order) {
        return api.get("/api/orders/" + order).json().get("partnerId").asLong();
    }

    private String lineUserOf(long partner) {
        return api.get("/api/partners/" + partner).json().get("lineUserId").asText();
    }

    private String email(long partner) {
        return api.get("/api/partners/" + partner).json().get("email").asText();
    }
}
