package org.loyaltykpi.segment;

import java.util.List;
import java.util.Objects;
import org.loyaltykpi.domain.DateRange;
import org.loyaltykpi.domain.Granularity;
import org.loyaltykpi.internal.FirstRows;

/**
 * Lifecycle stage counts over consecutive periods and the flow between stages within each period.
 *
 * <p>{@code stages().get(k)} is the distribution as of the end of {@code periods().get(k)} (its exclusive end day, so
 * the period's purchases count); {@code transitions().get(k)} is the flow from the stages as of the period's start to
 * those as of its end. Since the periods follow each other, the rows of transitions {@code k} sum to {@code
 * stages().get(k - 1)} ({@link #atStart()} for the first period) and its columns, newcomers included, to {@code
 * stages().get(k)}. Each distribution credits a stage with its customers' spend up to that day.
 *
 * <pre>{@code
 * LifecycleSeries s = SegmentCalculator.lifecycleSeries(table, answers, reviews, DateRange.year(2025),
 *         Granularity.QUARTER, LifecycleOptions.defaults());
 * s.stages().get(3).count(LifecycleStage.LOYAL);                                  // loyal at the end of Q4
 * s.transitions().get(3).count(LifecycleStage.LOYAL, LifecycleStage.AT_RISK);     // loyal customers lost in Q4
 * }</pre>
 *
 * <p>An empty range has no periods. Immutable and thread-safe.
 *
 * @param granularity the period length
 * @param periods the periods, consecutive
 * @param atStart the distribution as of the first period's start
 * @param stages the distribution as of each period's end
 * @param transitions the flow within each period
 */
public record LifecycleSeries(
        Granularity granularity,
        List<DateRange> periods,
        SegmentDistribution<LifecycleStage> atStart,
        List<SegmentDistribution<LifecycleStage>> stages,
        List<StageTransitions> transitions) {

    /** Validates and copies. */
    public LifecycleSeries {
        Objects.requireNonNull(granularity, "granularity must not be null");
        periods = List.copyOf(periods);
        Objects.requireNonNull(atStart, "atStart must not be null");
        stages = List.copyOf(stages);
        transitions = List.copyOf(transitions);
        if (stages.size() != periods.size() || transitions.size() != periods.size()) {
            throw new IllegalArgumentException("one distribution and one transition matrix per period: "
                    + periods.size() + " periods, " + stages.size() + " distributions, " + transitions.size()
                    + " matrices");
        }
    }

    @Override
    public String toString() {
        return "LifecycleSeries[granularity=" + granularity + ", periods=" + FirstRows.of(periods) + ", atStart="
                + atStart + ", stages=" + FirstRows.of(stages) + ", transitions=" + FirstRows.of(transitions) + "]";
    }
}
