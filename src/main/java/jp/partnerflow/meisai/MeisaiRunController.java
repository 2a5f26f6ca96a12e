package jp.partnerflow.meisai;

import java.time.Clock;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import jp.partnerflow.company.Companies;
import jp.partnerflow.meisai.MeisaiSettings.ApprovedIn;
import jp.partnerflow.platform.InvalidFieldException;
import jp.partnerflow.platform.StaffCompanies;

/**
 * Record lists (レコード一覧), timer settings (タイマー設定) and runs of a 楽楽明細 connection. Record
 * lists and timers are configuration (groups dbSettings and systemIntegration); accounting may also run
 * a connection now and becomes the run's executor (who may call what: platform.StaffApiAccess).
 */
@RestController
class MeisaiRunController {
    private final MeisaiRecordListRepository recordLists;
    private final MeisaiTimers timers;
    private final MeisaiRuns runs;
    private final Companies companies;
    private final Clock clock;
    private final MeisaiConnections connections;
    private final StaffCompanies staff;

    MeisaiRunController(MeisaiRecordListRepository recordLists, MeisaiTimers timers, MeisaiRuns runs, Companies companies,
            Clock clock, MeisaiConnections connections, StaffCompanies staff) {
        this.connections = connections;
        this.staff = staff;
        this.recordLists = recordLists;
        this.timers = timers;
        this.runs = runs;
        this.companies = companies;
        this.clock = clock;
    }

    record RecordListForm(@NotNull Long companyId, @NotBlank @Size(max = 100) String name, @NotNull ApprovedIn approvedIn) {
    }

    record RunForm(@NotNull Long recordListId) {
    }

    @PostMapping("/api/meisai/record-lists")
    @ResponseStatus(HttpStatus.CREATED)
    MeisaiRecordList createRecordList(@Valid @RequestBody RecordListForm form) {
        if (!companies.exists(form.companyId()) || !staff.mayAccess(form.companyId())) {
            throw new InvalidFieldException("companyId", "no such company");
        }
        return recordLists.save(new MeisaiRecordList(null, form.companyId(), form.name().strip(), form.approvedIn(),
                clock.instant()));
    }

    @GetMapping("/api/meisai/record-lists")
    List<MeisaiRecordList> recordLists(@RequestParam long companyId) {
        staff.check(companyId, "company", companyId);
        return recordLists.findByCompanyIdOrderById(companyId);
    }

    @PutMapping("/api/meisai/connections/{id}/timer")
    MeisaiTimer setTimer(@PathVariable long id, @RequestBody MeisaiTimers.TimerForm form, Authentication caller) {
        connections.mine(id);
        return timers.set(id, form, caller.getName());
    }

    @GetMapping("/api/meisai/connections/{id}/timer")
    MeisaiTimer timer(@PathVariable long id) {
        connections.mine(id);
        return timers.of(id);
    }

    /** Runs the connection now over the record list; the run goes on in the background (202). */
    @PostMapping("/api/meisai/connections/{id}/runs")
    @ResponseStatus(HttpStatus.ACCEPTED)
    MeisaiRun runNow(@PathVariable long id, @Valid @RequestBody RunForm form, Authentication caller) {
        connections.mine(id);
        return runs.runNow(id, form.recordListId(), caller.getName());
    }

    @GetMapping("/api/meisai/connections/{id}/runs")
    List<MeisaiRun> runsOf(@PathVariable long id) {
        connections.mine(id);
        return runs.ofConnection(id);
    }

    @GetMapping("/api/meisai/runs/{id}")
    MeisaiRun run(@PathVariable long id) {
        MeisaiRun run = runs.get(id);
        staff.check(connections.get(run.connectionId()).companyId(), "楽楽明細 run", id);
        return run;
    }
}
