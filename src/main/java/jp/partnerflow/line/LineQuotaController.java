package jp.partnerflow.line;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The official account's messages this month against its plan's limit, and whether LINE notices
 * are being skipped for it. One account serves every company: operators ({@code camunda-admin}) only.
 */
@RestController
class LineQuotaController {
    private final LineQuota quota;

    LineQuotaController(LineQuota quota) {
        this.quota = quota;
    }

    @GetMapping("/api/line/quota")
    LineQuota.Usage quota() {
        return quota.usage();
    }
}
