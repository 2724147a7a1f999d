package org.loyaltykpi.report;

import java.util.Objects;
import org.loyaltykpi.segment.LifecycleSeries;
import org.loyaltykpi.segment.LifecycleStages;

/**
 * Lifecycle stages as of the day after the last purchase, and the stage counts and flows period by period.
 *
 * @param stages every customer's stage
 * @param series stage counts at the end of each period and the flow between stages within it
 */
public record LifecycleResults(LifecycleStages stages, LifecycleSeries series) {
    /** Validates the parts. */
    public LifecycleResults {
        Objects.requireNonNull(stages, "stages must not be null");
        Objects.requireNonNull(series, "series must not be null");
    }
}
