package jp.partnerflow.platform;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The index the job executor's acquisition needs. Camunda's schema has none on the due date, so every
 * acquisition scanned the whole job table: at month end that holds a timer per reminder still to come
 * and the dead rows of those just done, and the scan cost more than the jobs it found. With
 * {@code job-executor-acquire-by-due-date} and {@code ensure-job-due-date-not-null} (application.yml)
 * the acquisition reads the due jobs off this index in due-date order. Created once, after the engine
 * has made its tables; if it cannot be (another node creating it at the same moment, no DDL rights),
 * the engine works on without it, only slower.
 */
@Component
class JobAcquisitionIndex extends AbstractProcessEnginePlugin {
    static final String NAME = "PF_IDX_JOB_DUEDATE";
    private static final Logger log = LoggerFactory.getLogger(JobAcquisitionIndex.class);

    private final JdbcTemplate jdbc;

    JobAcquisitionIndex(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        try {
            jdbc.execute("CREATE INDEX IF NOT EXISTS " + NAME + " ON ACT_RU_JOB (DUEDATE_)");
        } catch (DataAccessException e) {
            log.warn("The job table's due-date index {} could not be created; jobs are acquired without it: {}", NAME,
                    e.getMostSpecificCause().getMessage());
        }
    }
}
