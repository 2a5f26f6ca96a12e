package jp.partnerflow.meisai;

import java.net.URI;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * The 楽楽明細 API (../shared/reference/meisai-api.md) as one Feign interface: every path and header
 * of the contract is here. Each call names the account's base URL ({@code https://…/{account}}),
 * as every company has its own; writes are multipart bodies built by {@link MeisaiMultipart}.
 */
@FeignClient(name = "meisai", url = "https://meisai.invalid", configuration = MeisaiFeignConfiguration.class)
public interface MeisaiApi {
    String TOKEN = "X-WB-apitoken";

    @PostMapping("/api/v1/customers/imports")
    ImportAccepted importCustomers(URI account, @RequestHeader(TOKEN) String token,
            @RequestHeader("Content-Type") String contentType, @RequestBody byte[] multipart);

    @GetMapping("/api/v1/customers/imports/{importId}/state")
    ImportState customerImportState(URI account, @RequestHeader(TOKEN) String token, @PathVariable("importId") String importId);

    @PostMapping("/api/v1/reports/imports")
    ImportAccepted importReports(URI account, @RequestHeader(TOKEN) String token,
            @RequestHeader("Content-Type") String contentType, @RequestBody byte[] multipart);

    @GetMapping("/api/v1/reports/imports/{importId}/state")
    ImportState reportImportState(URI account, @RequestHeader(TOKEN) String token, @PathVariable("importId") String importId);

    /** What a write answers. */
    record ImportAccepted(String importId, String status, String code) {
    }

    /** An import's progress: {@code active}, {@code complete}, anything else is a failure. */
    record ImportState(String processStatus) {
        public boolean active() {
            return "active".equals(processStatus);
        }

        public boolean complete() {
            return "complete".equals(processStatus);
        }

        /** {@code active} or {@code complete}; any other state is a failed import. */
        public String runningOrComplete(String importId) {
            if (active() || complete()) {
                return processStatus;
            }
            throw new IllegalStateException("楽楽明細 import " + importId + " ended as '" + processStatus + "'");
        }
    }
}
