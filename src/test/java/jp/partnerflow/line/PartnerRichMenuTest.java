package jp.partnerflow.line;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import jp.partnerflow.support.FeatureTest;

/**
 * The partners' rich menu, at the wire: created with an area per page (URI actions to the partner
 * pages), its image a PNG of LINE's size drawn by the service, made the default menu; a second
 * start finds it and creates nothing, and a menu of an earlier design is deleted.
 */
class PartnerRichMenuTest extends FeatureTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<StubMapping> stubs = new ArrayList<>();

    @Autowired
    PartnerRichMenu richMenu;

    @AfterEach
    void removeStubs() {
        stubs.forEach(LINE::removeStub);
        jdbc.sql("DELETE FROM line_rich_menu").update();
    }

    @Test
    void createdOnceWithItsDrawnImageAndMadeTheDefault() throws Exception {
        stub(get(urlEqualTo("/v2/bot/richmenu/list")), "{\"richmenus\":[" + menu("richmenu-old", "partnerflow 000000000000") + "]}");
        stub(post(urlEqualTo("/v2/bot/richmenu")), "{\"richMenuId\":\"richmenu-new\"}");
        stub(post(urlEqualTo("/v2/bot/richmenu/richmenu-new/content")), "{}");
        stub(post(urlPathMatching("/v2/bot/user/all/richmenu/.*")), "{}");
        stubs.add(LINE.stubFor(com.github.tomakehurst.wiremock.client.WireMock.delete(urlEqualTo("/v2/bot/richmenu/richmenu-old"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{}"))));

        richMenu.install();

        List<LoggedRequest> created = LINE.findAll(postRequestedFor(urlEqualTo("/v2/bot/richmenu")));
        assertThat(created).hasSize(1);
        JsonNode menu = JSON.readTree(created.get(0).getBodyAsString());
        assertThat(menu.get("size").get("width").asInt()).isEqualTo(2500);
        assertThat(menu.get("size").get("height").asInt()).isEqualTo(843);
        assertThat(menu.get("chatBarText").asText()).isEqualTo("メニュー");
        assertThat(menu.get("areas").findValuesAsText("label"))
                .containsExactly("ホーム", "発注書", "稼動を登録", "請求書", "支払通知書", "設定");
        assertThat(menu.get("areas").findValuesAsText("uri")).containsExactly("http://localhost:8080/partner",
                "http://localhost:8080/partner/orders", "http://localhost:8080/partner/work-reports",
                "http://localhost:8080/partner/invoices", "http://localhost:8080/partner/payment-notices",
                "http://localhost:8080/partner/settings");
        // the areas tile the menu without a gap
        long area = 0;
        for (JsonNode a : menu.get("areas")) {
            area += a.get("bounds").get("width").asLong() * a.get("bounds").get("height").asLong();
        }
        assertThat(area).isEqualTo(2500L * 843);

        LoggedRequest upload = LINE.findAll(postRequestedFor(urlEqualTo("/v2/bot/richmenu/richmenu-new/content"))).get(0);
        assertThat(upload.getHeader("Content-Type")).startsWith("image/png");
        assertThat(upload.getBody().length).isLessThan(1024 * 1024);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(upload.getBody()));
        assertThat(image.getWidth()).isEqualTo(2500);
        assertThat(image.getHeight()).isEqualTo(843);
        // for a look by eye, beside the browser tests' screenshots
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/browser"));
        java.nio.file.Files.write(java.nio.file.Path.of("target/browser/rich-menu.png"), upload.getBody());
        assertThat(LINE.findAll(postRequestedFor(urlEqualTo("/v2/bot/user/all/richmenu/richmenu-new")))).hasSize(1);
        assertThat(LINE.findAll(com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor(
                urlEqualTo("/v2/bot/richmenu/richmenu-old")))).hasSize(1);

        // the next start: LINE lists it, nothing is created again
        String name = menu.get("name").asText();
        stub(get(urlEqualTo("/v2/bot/richmenu/list")), "{\"richmenus\":[" + menu("richmenu-new", name) + "]}");
        richMenu.install();
        assertThat(LINE.findAll(postRequestedFor(urlEqualTo("/v2/bot/richmenu")))).hasSize(1);
    }

    private void stub(com.github.tomakehurst.wiremock.client.MappingBuilder request, String body) {
        stubs.add(LINE.stubFor(request.atPriority(1).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(body))));
    }

    private static String menu(String id, String name) {
        return """
                {"richMenuId":"%s","size":{"width":2500,"height":843},"selected":true,"name":"%s","chatBarText":"メニュー",
                 "areas":[]}""".formatted(id, name);
    }
}
