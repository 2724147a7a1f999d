package org.loyaltykpi.report;

import java.time.LocalDate;
import java.util.Objects;
import org.loyaltykpi.segment.LifecycleSeries;
import org.loyaltykpi.segment.LifecycleStage;
import org.loyaltykpi.segment.SegmentDistribution;

/**
 * Lifecycle stages as of the day after the last purchase, and the stage counts and flows period by period.
 *
 * @param asOf the day of the stages (exclusive: data before it)
 * @param stages customers and spend per stage as of {@code asOf}
 * @param series stage counts at the end of each period and the flow between stages within it
 */
public record LifecycleResults(LocalDate asOf, SegmentDistribution<LifecycleStage> stages, LifecycleSeries series) {
    /** Validates the parts. */
    public LifecycleResults {
        Objects.requireNonNull(asOf, "asOf must not be null");
        Objects.requireNonNull(stages, "stages must not be null");
        Objects.requireNonNull(series, "series must not be null");
    }
}
