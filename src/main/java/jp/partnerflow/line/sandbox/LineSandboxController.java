package jp.partnerflow.line.sandbox;

import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jp.partnerflow.line.LineLoginProperties;
import jp.partnerflow.line.LineProperties;
import jp.partnerflow.partner.Partner;
import jp.partnerflow.partner.Partners;

/**
 * A LINE for one machine: the Messaging API endpoints the service pushes and replies to (at LINE's
 * own paths, {@code /v2/bot/…}, as the SDK resolves them from the host), LINE Login's authorize page and
 * token endpoint under {@code /sandbox/line}, and the chat page where each LINE
 * user's messages are shown with working buttons — a tap sends a signed postback to the service's real
 * webhook, as LINE would. The service's own LINE client runs unchanged against it; only the base URLs
 * differ (profile {@code sandbox}).
 */
@Controller
@ConditionalOnProperty("partnerflow.line.sandbox.enabled")
class LineSandboxController {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LineSandbox sandbox;
    private final Partners partners;
    private final LineProperties line;
    private final LineLoginProperties login;
    private final RestClient http;
    private final Clock clock;
    private final String webhookUrl;

    LineSandboxController(LineSandbox sandbox, Partners partners, LineProperties line, LineLoginProperties login,
            RestClient.Builder http, Clock clock, @Value("${partnerflow.line.sandbox.webhook-url}") String webhookUrl) {
        this.sandbox = sandbox;
        this.partners = partners;
        this.line = line;
        this.login = login;
        this.http = http.build();
        this.clock = clock;
        this.webhookUrl = webhookUrl;
    }

    // --- Messaging API ------------------------------------------------------------------------

    @PostMapping(path = "/v2/bot/message/push", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<String> push(@RequestHeader(name = "Authorization", required = false) String authorization,
            @RequestBody JsonNode request) {
        if (!("Bearer " + line.channelAccessToken()).equals(authorization)) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body("{\"message\":\"Authentication failed\"}");
        }
        sandbox.pushed();
        sandbox.received(request.path("to").asText(), request.path("messages"));
        return ResponseEntity.ok("{\"sentMessages\":[{\"id\":\"" + UUID.randomUUID() + "\",\"quoteToken\":\"sandbox\"}]}");
    }

    /** The sandbox's plan has no monthly limit; its use is what was pushed since it started. */
    @GetMapping(path = "/v2/bot/message/quota", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<String> quota(@RequestHeader(name = "Authorization", required = false) String authorization) {
        return authorized(authorization) ? ResponseEntity.ok("{\"type\":\"none\"}") : refused();
    }

    @GetMapping(path = "/v2/bot/message/quota/consumption", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<String> consumption(@RequestHeader(name = "Authorization", required = false) String authorization) {
        return authorized(authorization) ? ResponseEntity.ok("{\"totalUsage\":" + sandbox.pushes() + "}") : refused();
    }

    // --- the rich menu (its image at api-data's path, on the same host here) ---------------------

    @GetMapping(path = "/v2/bot/richmenu/list", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<String> richMenus(@RequestHeader(name = "Authorization", required = false) String authorization) {
        if (!authorized(authorization)) {
            return refused();
        }
        ObjectNode list = JSON.createObjectNode();
        sandbox.richMenus().forEach(list.putArray("richmenus")::add);
        if (!list.has("richmenus")) {
            list.putArray("richmenus");
        }
        return ResponseEntity.ok(list.toString());
    }

    @PostMapping(path = "/v2/bot/richmenu", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<String> createRichMenu(@RequestHeader(name = "Authorization", required = false) String authorization,
            @RequestBody JsonNode menu) {
        return authorized(authorization)
                ? ResponseEntity.ok(JSON.createObjectNode().put("richMenuId", sandbox.createRichMenu(menu)).toString())
                : refused();
    }

    @PostMapping(path = "/v2/bot/richmenu/{id}/content", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<String> richMenuImage(@RequestHeader(name = "Authorization", required = false) String authorization,
            @PathVariable String id, @RequestBody byte[] image) {
        if (!authorized(authorization)) {
            return refused();
        }
        return sandbox.richMenuImage(id, image) ? ResponseEntity.ok("{}") : ResponseEntity.notFound().build();
    }

    @PostMapping(path = "/v2/bot/user/all/richmenu/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<String> defaultRichMenu(@RequestHeader(name = "Authorization", required = false) String authorization,
            @PathVariable String id) {
        if (!authorized(authorization)) {
            return refused();
        }
        return sandbox.defaultRichMenu(id) ? ResponseEntity.ok("{}") : ResponseEntity.notFound().build();
    }

    @org.springframework.web.bind.annotation.DeleteMapping(path = "/v2/bot/richmenu/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<String> deleteRichMenu(@RequestHeader(name = "Authorization", required = false) String authorization,
            @PathVariable String id) {
        if (!authorized(authorization)) {
            return refused();
        }
        sandbox.deleteRichMenu(id);
        return ResponseEntity.ok("{}");
    }

    /** The default rich menu's image, under the chat page. */
    @GetMapping(path = "/sandbox/richmenu/image", produces = MediaType.IMAGE_PNG_VALUE)
    @ResponseBody
    ResponseEntity<byte[]> defaultRichMenuImage() {
        byte[] image = sandbox.defaultRichMenuImage();
        return image == null ? ResponseEntity.notFound().build() : ResponseEntity.ok(image);
    }

    private boolean authorized(String authorization) {
        return ("Bearer " + line.channelAccessToken()).equals(authorization);
    }

    private static ResponseEntity<String> refused() {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body("{\"message\":\"Authentication failed\"}");
    }

    @PostMapping(path = "/v2/bot/message/reply", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<String> reply(@RequestHeader(name = "Authorization", required = false) String authorization,
            @RequestBody JsonNode request) {
        if (!("Bearer " + line.channelAccessToken()).equals(authorization)) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body("{\"message\":\"Authentication failed\"}");
        }
        String user = sandbox.userOfReplyToken(request.path("replyToken").asText());
        if (user == null) {
            return ResponseEntity.badRequest().body("{\"message\":\"Invalid reply token\"}");
        }
        sandbox.received(user, request.path("messages"));
        return ResponseEntity.ok("{\"sentMessages\":[]}");
    }

    // --- LINE Login ---------------------------------------------------------------------------

    /** LINE's consent screen, played here: a LINE account registered before, or a new one. */
    @GetMapping("/sandbox/line/oauth2/v2.1/authorize")
    String authorize(@RequestParam Map<String, String> query, Model model) {
        model.addAttribute("query", query);
        // one per LINE account (a partner of several companies is one account)
        model.addAttribute("accounts", partners.linkedToLine().stream()
                .collect(java.util.stream.Collectors.toMap(Partner::lineUserId, p -> p, (first, other) -> first,
                        java.util.LinkedHashMap::new)).values());
        model.addAttribute("lineUserId", "Usandbox" + UUID.randomUUID().toString().replace("-", ""));
        return "sandbox/authorize";
    }

    @PostMapping("/sandbox/line/oauth2/v2.1/authorize")
    String grant(@RequestParam("redirect_uri") String redirectUri, @RequestParam String state, @RequestParam String nonce,
            @RequestParam String lineUserId, @RequestParam String email, @RequestParam String name) {
        String code = sandbox.grant(lineUserId.strip(), email.strip(), name.strip(), nonce);
        URI back = UriComponentsBuilder.fromUriString(redirectUri).queryParam("code", code).queryParam("state", state)
                .queryParam("friendship_status_changed", "true").encode().build().toUri();
        return "redirect:" + back;
    }

    @PostMapping(path = "/sandbox/line/oauth2/v2.1/token", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<String> token(@RequestParam String code, @RequestParam("client_id") String clientId,
            @RequestParam("client_secret") String clientSecret) {
        LineSandbox.Grant grant = sandbox.redeem(code);
        if (grant == null || !clientId.equals(login.channelId()) || !clientSecret.equals(login.channelSecret())) {
            return ResponseEntity.badRequest().body("{\"error\":\"invalid_grant\"}");
        }
        ObjectNode tokens = JSON.createObjectNode().put("access_token", "sandbox-at-" + code).put("token_type", "Bearer")
                .put("expires_in", 2592000).put("scope", "openid profile email")
                .put("id_token", LineSandbox.idToken(grant, login.channelId(), login.channelSecret(), clock.instant()));
        return ResponseEntity.ok(tokens.toString());
    }

    @GetMapping(path = "/sandbox/line/friendship/v1/status", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    String friendship() {
        return "{\"friendFlag\":true}";
    }

    // --- the chat page ------------------------------------------------------------------------

    @GetMapping("/sandbox/chat")
    String chats(Model model) {
        model.addAttribute("users", sandbox.users());
        return "sandbox/chats";
    }

    @GetMapping("/sandbox/chat/{lineUserId}")
    String chat(@PathVariable String lineUserId, Model model) {
        model.addAttribute("lineUserId", lineUserId);
        model.addAttribute("messages", sandbox.chat(lineUserId));
        model.addAttribute("menu", sandbox.defaultRichMenuAreas());
        return "sandbox/chat";
    }

    /** A tap on a postback button: a signed webhook call to the service, as LINE makes it. */
    @PostMapping("/sandbox/chat/{lineUserId}/postback")
    String tap(@PathVariable String lineUserId, @RequestParam String data) {
        event(lineUserId, "postback", JSON.createObjectNode().put("data", data));
        return "redirect:/sandbox/chat/" + lineUserId;
    }

    /** 友だち追加 (or unblock) of the official account. */
    @PostMapping("/sandbox/chat/{lineUserId}/follow")
    String follow(@PathVariable String lineUserId) {
        event(lineUserId, "follow", JSON.createObjectNode().put("isUnblocked", false));
        return "redirect:/sandbox/chat/" + lineUserId;
    }

    private void event(String lineUserId, String type, ObjectNode detail) {
        ObjectNode event = JSON.createObjectNode().put("type", type).put("mode", "active")
                .put("timestamp", clock.millis()).put("webhookEventId", "01SANDBOX" + UUID.randomUUID().toString()
                        .replace("-", "").substring(0, 17).toUpperCase())
                .put("replyToken", sandbox.replyTokenFor(lineUserId));
        event.putObject("source").put("type", "user").put("userId", lineUserId);
        event.putObject("deliveryContext").put("isRedelivery", false);
        event.set(type, detail);
        ObjectNode body = JSON.createObjectNode().put("destination", "Usandboxbot");
        body.putArray("events").add(event);
        String text = body.toString();
        http.post().uri(webhookUrl).contentType(MediaType.APPLICATION_JSON)
                .header("x-line-signature", LineSandbox.signature(line.channelSecret(), text)).body(text)
                .retrieve().toBodilessEntity();
    }
}
