package org.loyaltykpi.survey;

import java.util.Objects;
import java.util.Optional;
import org.loyaltykpi.domain.DateRange;

/**
 * One group of a survey breakdown: a segment or a period, and its summary.
 *
 * <p>Immutable and thread-safe.
 *
 * @param label the segment's name, {@value #NO_SEGMENT} for answers without one, or the period's {@link
 *     DateRange#label() label} ({@code 2025-03}, {@code 2025-Q1}, {@code 2025})
 * @param segment the segment, when grouped by segment and the answers have one
 * @param period the period, when grouped by period
 * @param summary the group's metrics
 */
public record SurveyGroup(String label, Optional<String> segment, Optional<DateRange> period, SurveySummary summary) {

    /** The label of the group of answers without a segment. */
    public static final String NO_SEGMENT = "(no segment)";

    /** Validates the group. */
    public SurveyGroup {
        Objects.requireNonNull(label, "label must not be null");
        Objects.requireNonNull(segment, "segment must not be null (use Optional.empty())");
        Objects.requireNonNull(period, "period must not be null (use Optional.empty())");
        Objects.requireNonNull(summary, "summary must not be null");
        if (segment.isPresent() && period.isPresent()) {
            throw new IllegalArgumentException("a group is a segment or a period, not both: " + label);
        }
    }
}
