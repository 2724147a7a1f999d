package org.loyaltykpi.feedback;

import java.util.Objects;
import java.util.OptionalDouble;
import org.loyaltykpi.domain.DateRange;
import org.loyaltykpi.domain.Ratio;

/**
 * The positive share of a period against the period before it and against a baseline period.
 *
 * <p>With {@code s} this period's share, {@code p} the previous period's and {@code b} the baseline's (fractions):
 *
 * <ul>
 *   <li>{@link #pointsVsPrevious()} = {@code 100 (s - p)}, percentage points;
 *   <li>{@link #relativeVsPrevious()} = {@code s / p - 1}, a fraction ({@code 0.10} is "+10%", the form of the KPI
 *       target "positive reviews +10%");
 *   <li>{@link #pointsVsBaseline()} and {@link #relativeVsBaseline()} the same against {@code b}.
 * </ul>
 *
 * <p>Edge cases: a change is empty when either share is undefined (a period without reviews, or the first period of
 * a series, whose previous period is not in it: its share is {@code 0/0}); a relative change is also empty when the
 * earlier share is 0. Never {@code NaN}.
 *
 * <pre>{@code
 * ShareTrend t = new ShareTrend(DateRange.month(2025, 3), Ratio.of(6, 10), Ratio.of(5, 10), DateRange.month(2025, 1),
 *         Ratio.of(4, 10));
 * t.pointsVsPrevious();     // OptionalDouble[10.0]
 * t.relativeVsPrevious();   // OptionalDouble[0.2]
 * t.relativeVsBaseline();   // OptionalDouble[0.5]
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param period the period
 * @param share its positive share
 * @param previous the positive share of the period before ({@code 0/0} when unknown)
 * @param baselinePeriod the baseline period
 * @param baseline the baseline's positive share
 */
public record ShareTrend(DateRange period, Ratio share, Ratio previous, DateRange baselinePeriod, Ratio baseline) {

    /** Validates that every part is given. */
    public ShareTrend {
        Objects.requireNonNull(period, "period must not be null");
        Objects.requireNonNull(share, "share must not be null");
        Objects.requireNonNull(previous, "previous must not be null");
        Objects.requireNonNull(baselinePeriod, "baselinePeriod must not be null");
        Objects.requireNonNull(baseline, "baseline must not be null");
    }

    /**
     * The change against the previous period in percentage points.
     *
     * @return {@code 100 (share - previous)}; empty if either is undefined
     */
    public OptionalDouble pointsVsPrevious() {
        return points(share, previous);
    }

    /**
     * The relative change against the previous period.
     *
     * @return {@code share / previous - 1}; empty if either is undefined or the previous share is 0
     */
    public OptionalDouble relativeVsPrevious() {
        return relative(share, previous);
    }

    /**
     * The change against the baseline in percentage points.
     *
     * @return {@code 100 (share - baseline)}; empty if either is undefined
     */
    public OptionalDouble pointsVsBaseline() {
        return points(share, baseline);
    }

    /**
     * The relative change against the baseline.
     *
     * @return {@code share / baseline - 1}; empty if either is undefined or the baseline share is 0
     */
    public OptionalDouble relativeVsBaseline() {
        return relative(share, baseline);
    }

    /** {@code now - before} in percentage points; empty if either is undefined. */
    static OptionalDouble points(Ratio now, Ratio before) {
        if (now.denominator() == 0 || before.denominator() == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(now.percent().getAsDouble() - before.percent().getAsDouble());
    }

    private static OptionalDouble relative(Ratio now, Ratio before) {
        if (now.denominator() == 0 || before.numerator() == 0) {
            return OptionalDouble.empty();
        }
        // (a/b) / (c/d) - 1 = (a d - b c) / (b c), from the counts, so equal shares give exactly 0.
        double a = now.numerator();
        double b = now.denominator();
        double c = before.numerator();
        double d = before.denominator();
        return OptionalDouble.of((a * d - b * c) / (b * c));
    }
}
