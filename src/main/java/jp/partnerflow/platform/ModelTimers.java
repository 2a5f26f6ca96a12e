package jp.partnerflow.platform;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code ${modelTimers.poll("PT30S")}}: a model's polling interval is the literal the process owner
 * reads and changes in Modeler. An operator may replace every poll interval at once
 * ({@code PARTNERFLOW_POLL_OVERRIDE}, e.g. PT1S in the tests) without touching the models.
 */
@Component("modelTimers")
public class ModelTimers {
    private final String pollOverride;

    public ModelTimers(@Value("${partnerflow.poll-override:}") String pollOverride) {
        this.pollOverride = pollOverride;
    }

    public String poll(String modelValue) {
        return pollOverride == null || pollOverride.isBlank() ? modelValue : pollOverride;
    }
}
