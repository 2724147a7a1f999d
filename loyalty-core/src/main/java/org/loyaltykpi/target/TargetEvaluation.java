package org.loyaltykpi.target;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.loyaltykpi.internal.FirstRows;

/**
 * A {@link KpiTarget} evaluated period by period against a {@link MetricSeries}.
 *
 * <pre>{@code
 * TargetEvaluation e = KpiTarget.atLeast("nps", 70).plusPerYear(5).evaluate(npsSeries);
 * e.latest();              // the verdict of the last period with data
 * e.count(TargetStatus.MET);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param target the target
 * @param unit the series' unit (empty when there was no series)
 * @param periods one verdict per evaluated period, in time order; copied
 */
public record TargetEvaluation(KpiTarget target, String unit, List<TargetPeriod> periods) {

    /** Validates and copies. */
    public TargetEvaluation {
        Objects.requireNonNull(target, "target must not be null");
        Objects.requireNonNull(unit, "unit must not be null");
        periods = List.copyOf(periods);
    }

    /**
     * The latest verdict that is not {@link TargetStatus#NO_DATA}.
     *
     * @return the last judged period, or empty if no period has data
     */
    public Optional<TargetPeriod> latest() {
        for (int i = periods.size() - 1; i >= 0; i--) {
            if (periods.get(i).status() != TargetStatus.NO_DATA) {
                return Optional.of(periods.get(i));
            }
        }
        return Optional.empty();
    }

    /**
     * How many periods have a status.
     *
     * @param status the status
     * @return the number of periods with it
     */
    public long count(TargetStatus status) {
        return periods.stream().filter(p -> p.status() == status).count();
    }

    @Override
    public String toString() {
        return "TargetEvaluation[target=" + target + ", unit=" + unit + ", periods=" + FirstRows.of(periods) + "]";
    }
}
