package jp.partnerflow.line.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import jp.partnerflow.support.Api;
import jp.partnerflow.support.Browser;
import jp.partnerflow.support.Nodes;

/**
 * The newcomer's way in: the embedded default (H2, as `mvn spring-boot:run` runs it — this test is
 * about that default, so it runs on H2 and on its own database) with the LINE sandbox on. The service's
 * own LINE client pushes to the sandbox, the partner registers through the sandbox's LINE Login, and a
 * tap on a button of the chat page goes to the real webhook, signed, and approves the order.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("sandbox")
class EmbeddedSandboxTest {
    private static final int PORT = Nodes.freePort();
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @DynamicPropertySource
    static void embeddedDefault(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("partnerflow.public-base-url", () -> "http://localhost:" + PORT);
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:sandbox;DB_CLOSE_DELAY=-1;${partnerflow.h2-options}");
        registry.add("camunda.bpm.admin-user.password", () -> "sandbox-admin");
    }

    @Test
    void registerThroughTheSandboxesLineLoginThenApproveAnOrderFromTheChatPage() {
        Api api = new Api(PORT, "admin", "sandbox-admin");
        // up without a mail server: mail is off on the embedded default
        assertThat(api.anonymous().get("/actuator/health").json().get("status").asText()).isEqualTo("UP");
        long partnerId = api.partnerWithoutProfile(api.company(true), null);
        String email = api.get("/api/partners/" + partnerId).json().get("email").asText();
        api.put("/api/partners/" + partnerId + "/basic-info", """
                {"postalCode":"100-0001","address":"東京都千代田区千代田1-1","phone":"090-1234-5678"}""");
        api.put("/api/partners/" + partnerId + "/bank-account", """
                {"name":"みずほ銀行","branch":"東京営業部","accountType":"ORDINARY","accountNumber":"1234567",
                 "accountHolder":"サトウ ハナコ"}""");

        // 「LINEでユーザー登録」 → the sandbox's LINE Login → back, linked and signed in
        Browser phone = new Browser(PORT);
        phone.get("/partner/register/" + partnerId);
        Browser.Page toLine = phone.post("/partner/register/" + partnerId, List.of(Map.entry("consent", "TERMS_OF_USE"),
                Map.entry("consent", "PRIVACY_POLICY"), Map.entry("consent", "ELECTRONIC_DOCUMENTS")));
        assertThat(toLine.location()).startsWith("http://localhost:" + PORT + "/sandbox/line/oauth2/v2.1/authorize?");
        Map<String, String> authorize = Browser.query(toLine.location());
        assertThat(phone.get(toLine.location()).html()).contains("LINEログイン", "許可する");
        String lineUser = "Usandboxtest" + partnerId;
        Browser.Page back = phone.post("/sandbox/line/oauth2/v2.1/authorize", Map.of("redirect_uri",
                authorize.get("redirect_uri"), "state", authorize.get("state"), "nonce", authorize.get("nonce"),
                "lineUserId", lineUser, "email", email, "name", "佐藤 花子"));
        Browser.Page signedIn = phone.get(back.location());
        assertThat(signedIn.location()).endsWith("/partner/registered");
        assertThat(api.get("/api/partners/" + partnerId).json().get("lineUserId").asText()).isEqualTo(lineUser);

        // an order: the service's LINE client pushes it to the sandbox, where the chat shows it with its buttons
        long order = api.order(partnerId);
        Browser chat = new Browser(PORT);
        String page = await().atMost(PATIENCE).until(() -> chat.get("/sandbox/chat/" + lineUser).html(),
                html -> html.contains("発注書を確認してください"));
        // the Flex bubble read line by line: its rows as 「label：value」
        assertThat(page).contains("承認する", "辞退する", "期間：2026年12月1日〜2027年3月31日", "報酬：月額300,000円（税抜）");

        // 承認する → the service answers with the final confirmation → 実行する → approved
        chat.post("/sandbox/chat/" + lineUser + "/postback", Map.of("data", postback(page, "承認する")));
        String confirm = await().atMost(PATIENCE).until(() -> chat.get("/sandbox/chat/" + lineUser).html(),
                html -> html.contains("最終確認"));
        chat.post("/sandbox/chat/" + lineUser + "/postback", Map.of("data", postback(confirm, "実行する")));
        await().atMost(PATIENCE).until(() -> api.get("/api/orders/" + order).json().get("status").asText().equals("APPROVED"));
        assertThat(chat.get("/sandbox/chat/" + lineUser).html()).contains("を承認しました。");
        assertThat(chat.get("/sandbox/chat").html()).contains(lineUser);

        // the service set up its rich menu on the sandbox's LINE at start-up: the chat shows it under the messages
        assertThat(chat.get("/sandbox/chat/" + lineUser).html()).contains("id=\"rich-menu\"",
                "href=\"http://localhost:" + PORT + "/partner/orders\"", "稼動を登録", "支払通知書");
        assertThat(api.anonymous().get("/sandbox/richmenu/image").contentType()).isEqualTo("image/png");

        // 「LINEでログイン」 again, on another phone: the sandbox offers the LINE account registered before
        Browser later = new Browser(PORT);
        String toLogin = later.get("/partner/login/line").location();
        String choose = later.get(toLogin).html();
        assertThat(choose).contains("佐藤 花子（" + email + "）でログイン", "id=\"as-" + lineUser + "\"");
        Map<String, String> login = Browser.query(toLogin);
        Browser.Page again = later.get(later.post("/sandbox/line/oauth2/v2.1/authorize", Map.of("redirect_uri",
                login.get("redirect_uri"), "state", login.get("state"), "nonce", login.get("nonce"),
                "lineUserId", lineUser, "email", email, "name", "佐藤 花子")).location());
        assertThat(again.location()).endsWith("/partner");
        assertThat(later.get("/partner").html()).contains("やること", "発注書を確認してください");
    }

    /** The postback data of the button with this label (the last one on the page). */
    private static String postback(String html, String label) {
        Matcher button = Pattern.compile("name=\"data\" value=\"([^\"]+)\">\\s*<button[^>]*>" + label + "</button>").matcher(html);
        String data = null;
        while (button.find()) {
            data = button.group(1).replace("&amp;", "&");
        }
        assertThat(data).as("a button " + label).isNotNull();
        return data;
    }
}
