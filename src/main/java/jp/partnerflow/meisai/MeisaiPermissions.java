package jp.partnerflow.meisai;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import jp.partnerflow.platform.ForbiddenException;
import jp.partnerflow.platform.StaffGroups;

/**
 * Who may configure 楽楽明細 (connections, record lists, timers): staff with both the DB settings and
 * the system integration permission (Camunda groups {@code dbSettings} and {@code systemIntegration}).
 * Running a connection needs neither.
 */
final class MeisaiPermissions {
    private MeisaiPermissions() {
    }

    static void mayConfigure(Authentication staff) {
        List<String> groups = staff.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
        if (!groups.contains("GROUP_" + StaffGroups.DB_SETTINGS) || !groups.contains("GROUP_" + StaffGroups.SYSTEM_INTEGRATION)) {
            throw new ForbiddenException("configuring 楽楽明細 needs both the DB settings (group "
                    + StaffGroups.DB_SETTINGS + ") and the system integration (group " + StaffGroups.SYSTEM_INTEGRATION
                    + ") permissions");
        }
    }
}
