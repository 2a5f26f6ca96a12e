package jp.partnerflow.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import jp.partnerflow.line.FlakyPostbacks;
import jp.partnerflow.platform.CompanyTenants;

/**
 * A feature test: the whole service on a real PostgreSQL ({@link TestDatabase}), with LINE faked at
 * the wire level by WireMock. All feature tests share this one configuration, so they share one
 * application context (and one job executor) and one fake LINE.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(FlakyPostbacks.class)
public abstract class FeatureTest {
    public static final String CHANNEL_TOKEN = "test-channel-access-token-0123456789";
    public static final String CHANNEL_SECRET = "test-channel-secret-abcdef";
    public static final String STAFF_USER = "admin";
    public static final String STAFF_PASSWORD = "test-admin-password";

    private static final ObjectMapper JSON = new ObjectMapper();

    protected static final WireMockServer LINE = new WireMockServer(wireMockConfig().dynamicPort()
            .extensions(new LineMonthlyLimitFake()));
    /** A real SMTP server: the mails the service sends. */
    protected static final GreenMail MAIL = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    public static final String ADMIN_MAIL = "keiri-admin@example.jp";
    /** The LINE Login channel the tests' fake LINE signs ID tokens for. */
    public static final String LOGIN_CHANNEL_ID = "1650000000";
    /** Above what the tests start from one address in a minute; the rate-limit test comes from its own. */
    public static final int LOGIN_STARTS_PER_MINUTE = 60;
    public static final String LOGIN_CHANNEL_SECRET = "test-login-channel-secret-5f2e";

    static {
        LINE.start();
        MAIL.start();
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected IdentityService identity;

    protected Api api;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestDatabase.Connection db = TestDatabase.get();
        registry.add("spring.datasource.url", db::url);
        registry.add("spring.datasource.username", db::user);
        registry.add("spring.datasource.password", db::password);
        registry.add("partnerflow.line.api-base-url", LINE::baseUrl);
        registry.add("partnerflow.line.api-data-base-url", LINE::baseUrl);
        registry.add("partnerflow.line.channel-access-token", () -> CHANNEL_TOKEN);
        registry.add("partnerflow.line.channel-secret", () -> CHANNEL_SECRET);
        registry.add("partnerflow.line.timeout", () -> "2s");
        registry.add("partnerflow.line.sweep-interval", () -> "1s");
        registry.add("partnerflow.notification.sweep-after", () -> "PT5S");
        registry.add("partnerflow.notification.sweep-interval", () -> "PT1S");
        registry.add("partnerflow.notification.retry-cycle", () -> "PT1S,PT1S,PT1S");
        registry.add("partnerflow.line.event-retry-cycle", () -> "PT1S,PT1S,PT1S");
        registry.add("camunda.bpm.admin-user.password", () -> STAFF_PASSWORD);
        registry.add("partnerflow.meisai.retry-cycle", () -> "PT1S,PT1S,PT1S");
        registry.add("spring.mail.host", () -> "localhost");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
        registry.add("partnerflow.mail.admin", () -> ADMIN_MAIL);
        registry.add("partnerflow.poll-override", () -> "PT1S");
        registry.add("partnerflow.line.login.channel-id", () -> LOGIN_CHANNEL_ID);
        // the tests' own address is the one trusted reverse proxy, so a test can play clients by
        // X-Forwarded-For; any other address's X-Forwarded-For is ignored (FailedSignInThrottleTest)
        registry.add("server.tomcat.remoteip.internal-proxies", () -> "127\\.0\\.0\\.1");
        registry.add("partnerflow.security.login-starts-per-minute", () -> LOGIN_STARTS_PER_MINUTE);
        registry.add("partnerflow.line.login.channel-secret", () -> LOGIN_CHANNEL_SECRET);
        registry.add("partnerflow.line.login.authorize-url", () -> LINE.baseUrl() + "/oauth2/v2.1/authorize");
        registry.add("partnerflow.line.login.token-url", () -> LINE.baseUrl() + "/oauth2/v2.1/token");
        registry.add("partnerflow.line.login.friendship-url", () -> LINE.baseUrl() + "/friendship/v1/status");
    }

    @BeforeEach
    void lineAcceptsEverything() {
        api = new Api(port, STAFF_USER, STAFF_PASSWORD);
        LINE.stubFor(post(urlEqualTo("/v2/bot/message/push")).atPriority(10)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"sentMessages\":[{\"id\":\"1\",\"quoteToken\":\"q\"}]}")));
        LINE.stubFor(post(urlEqualTo("/v2/bot/message/reply")).atPriority(10)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"sentMessages\":[{\"id\":\"2\",\"quoteToken\":\"q\"}]}")));
    }

    /** A 400 problem+json that names each of the fields. */
    protected static void assertInvalid(Api.Response response, String... fields) {
        assertThat(response.status()).as(response.text()).isEqualTo(400);
        assertThat(response.contentType()).contains("application/problem+json");
        assertThat(response.json().get("errors").findValuesAsText("field")).contains(fields);
        for (String field : fields) {
            assertThat(response.json().get("detail").asText()).contains(field);
        }
    }

    /** A partner's tap on LINE, as LINE delivers it; returns the event id. */
    protected String postback(String lineUserId, String data) {
        String eventId = Webhooks.newEventId();
        String body = Webhooks.postback(eventId, lineUserId, data);
        assertThat(api.webhook(body, sign(body, CHANNEL_SECRET)).status()).isEqualTo(200);
        return eventId;
    }

    /** The partner confirms the order on LINE; returns once it is approved. */
    protected void approveOnLine(String lineUserId, long order) {
        postback(lineUserId, "action=confirm-approve-order&order=" + order);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> api.get("/api/orders/" + order).json().get("status").asText().equals("APPROVED"));
    }

    /**
     * A new staff user in these groups (none: a user in no group), made as an operator makes one in
     * Camunda Admin; the API as that user calls it. The password is the admin's, so the log scan covers it.
     */
    protected Api staff(String... groups) {
        String id = "staff" + UUID.randomUUID().toString().substring(0, 8);
        User user = identity.newUser(id);
        user.setFirstName("テスト");
        user.setLastName(id);
        user.setEmail(id + "@example.jp");
        user.setPassword(STAFF_PASSWORD);
        identity.saveUser(user);
        for (String group : groups) {
            identity.createMembership(id, group);
        }
        return new Api(port, id, STAFF_PASSWORD);
    }

    /** A new staff user of one company (a member of its tenant) in these groups. */
    protected Api staffOf(long companyId, String... groups) {
        Api staff = staff(groups);
        identity.createTenantUserMembership(CompanyTenants.of(companyId), staff.user());
        return staff;
    }

    /** What {@link #invoiceInReview} made: the month's process, its invoice, and its 「請求書を確認する」 task. */
    protected record InvoiceInReview(String user, long partnerId, long order, String month, long invoice, String task) {
    }

    /** A partner's December invoice for a monthly fee (plus 10 % tax), sent and waiting for review in Tasklist. */
    protected InvoiceInReview invoiceInReview(long companyId, long fee) {
        String user = Api.newLineUserId();
        long partnerId = api.partner(companyId, user);
        long order = api.post("/api/orders", """
                {"partnerId":%d,"title":"Webサイト保守","workContent":"月次保守","periodStart":"2026-12-01",
                 "periodEnd":"2026-12-31","fee":%d,"taxRate":"TEN_PERCENT"}""".formatted(partnerId, fee)).id();
        approveOnLine(user, order);
        Api partner = api.asPartner(partnerId);
        String month = billingMonthProcess(order);
        long invoice = partner.post("/api/me/invoices", "{\"orderId\":%d,\"billingMonth\":\"2026-12\"}".formatted(order)).id();
        assertThat(partner.post("/api/me/invoices/" + invoice + "/submit", "{\"invoiceMonth\":\"2026-12\"}").status())
                .isEqualTo(200);
        String task = await().atMost(Duration.ofSeconds(20))
                .until(() -> api.get("/engine-rest/task?processInstanceId=" + month).json(), t -> t.size() == 1)
                .get(0).get("id").asText();
        return new InvoiceInReview(user, partnerId, order, month, invoice, task);
    }

    /** What {@link #paymentNoticeSent} made. */
    protected record PaymentNoticeSent(String user, long partnerId, long order, long invoice, long notice) {
    }

    /**
     * A partner of the company with a December order approved on LINE, its invoice sent and
     * approved in Tasklist: the payment notice is sent and waits for the partner.
     */
    protected PaymentNoticeSent paymentNoticeSent(long companyId) {
        InvoiceInReview review = invoiceInReview(companyId, 300_000);
        String user = review.user();
        long invoice = review.invoice();
        assertThat(api.post("/engine-rest/task/" + review.task() + "/submit-form",
                "{\"variables\":{\"review\":{\"value\":\"APPROVE\",\"type\":\"String\"}}}").status()).isEqualTo(204);
        long notice = await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/payment-notices?invoiceId=" + invoice),
                r -> r.status() == 200 && r.json().get("status").asText().equals("SENT")).json().get("id").asLong();
        await().atMost(Duration.ofSeconds(20)).until(() -> pushesTo(user).size() == 2);
        return new PaymentNoticeSent(user, review.partnerId(), review.order(), invoice, notice);
    }

    /** n partners of the company, each with a December 2026 payment notice approved now ({@link Bulk#approvedNotices}). */
    protected void approvedNoticesInBulk(long company, int n) {
        Bulk.approvedNotices(jdbc, company, n);
    }

    /** The first mail with this subject the test mail server received. */
    protected static MimeMessage awaitMail(String subject) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> Arrays.stream(MAIL.getReceivedMessages())
                .filter(m -> {
                    try {
                        return subject.equals(m.getSubject());
                    } catch (MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                }).findFirst().orElse(null), m -> m != null);
    }

    /** Staff decide the month's one review task in Tasklist (engine REST): APPROVE, or RETURN with a reason. */
    protected void reviewMonth(String billingMonthProcess, String decision, String reason) {
        JsonNode tasks = await().atMost(Duration.ofSeconds(20))
                .until(() -> api.get("/engine-rest/task?processInstanceId=" + billingMonthProcess).json(), t -> t.size() == 1);
        assertThat(api.post("/engine-rest/task/" + tasks.get(0).get("id").asText() + "/submit-form", """
                {"variables":{"review":{"value":"%s","type":"String"}%s}}""".formatted(decision,
                reason == null ? "" : ",\"returnReason\":{\"value\":\"%s\",\"type\":\"String\"}".formatted(reason)))
                .status()).isEqualTo(204);
    }

    /** Waits until the order's one billing month has started (a job after the approval); its process instance. */
    protected String billingMonthProcess(long order) {
        await().atMost(Duration.ofSeconds(30)).until(() -> count("billing_month WHERE purchase_order_id = " + order) == 1);
        return jdbc.sql("SELECT process_instance_id FROM billing_month WHERE purchase_order_id = ?").param(order)
                .query(String.class).single();
    }

    protected long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    /** The replies the fake LINE received to one webhook event. */
    protected static List<LoggedRequest> repliesTo(String eventId) {
        return LINE.findAll(postRequestedFor(urlEqualTo("/v2/bot/message/reply"))
                .withRequestBody(matchingJsonPath("$.replyToken", equalTo("reply-" + eventId))));
    }

    /** The pushes to one LINE user as JSON text, with the Japanese readable (the wire escapes it). */
    protected static List<String> pushTextsTo(String lineUserId) {
        return pushesTo(lineUserId).stream().map(push -> {
            try {
                return JSON.readTree(push.getBodyAsString()).toString();
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** The pushes the fake LINE received for one LINE user. */
    protected static List<LoggedRequest> pushesTo(String lineUserId) {
        return LINE.findAll(postRequestedFor(urlEqualTo("/v2/bot/message/push"))
                .withRequestBody(matchingJsonPath("$.to", equalTo(lineUserId))));
    }

    /** x-line-signature of a body, as LINE computes it. */
    public static String sign(String body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
