package jp.partnerflow.line;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** LINE's webhook: answers at once, the events are worked off asynchronously. */
@RestController
class LineWebhookController {
    private final WebhookIntake intake;

    LineWebhookController(WebhookIntake intake) {
        this.intake = intake;
    }

    @PostMapping("/line/webhook")
    ResponseEntity<Void> receive(@RequestHeader(name = "x-line-signature", required = false) String signature,
            @RequestBody(required = false) byte[] body) {
        return switch (intake.receive(signature, body == null ? new byte[0] : body)) {
            case ACCEPTED -> ResponseEntity.ok().build();
            case BAD_SIGNATURE -> ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
            case UNREADABLE -> ResponseEntity.badRequest().build();
        };
    }
}
