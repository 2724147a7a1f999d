package org.loyaltykpi.segment;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The RFM scores and segments of every customer with a purchase before a day, and the segment distribution.
 *
 * <p>The distribution credits each segment with its customers' total spend before {@code asOf} (their monetary
 * value).
 *
 * <pre>{@code
 * RfmScores s = SegmentCalculator.rfmScores(table, LocalDate.of(2026, 1, 1));
 * s.distribution().share(RfmSegment.CHAMPION);
 * s.distribution().revenueShare(RfmSegment.CHAMPION);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param asOf the day of the scores (exclusive: purchases before it)
 * @param customers one row per customer, in id order
 * @param distribution counts and spend per segment
 */
public record RfmScores(LocalDate asOf, List<RfmScore> customers, SegmentDistribution<RfmSegment> distribution) {

    /** Validates and copies. */
    public RfmScores {
        Objects.requireNonNull(asOf, "asOf must not be null");
        customers = SegmentDistribution.checkRows(customers, distribution);
    }
}
