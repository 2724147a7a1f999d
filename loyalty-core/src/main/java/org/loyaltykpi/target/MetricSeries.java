package org.loyaltykpi.target;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.TreeMap;
import org.loyaltykpi.domain.DateRange;
import org.loyaltykpi.internal.FirstRows;

/**
 * The values of one named metric per {@link DateRange}, for example the NPS per quarter or the retention rate in percent
 * per year: what a {@link KpiTarget} is evaluated against.
 *
 * <p>A period the metric is undefined for (no answers, no customers at start) is simply absent: a target reports it
 * as {@link TargetStatus#NO_DATA}, never a guessed value. Values are finite; periods are kept in time order.
 *
 * <pre>{@code
 * MetricSeries nps = MetricSeries.of("nps", "points", Map.of(DateRange.year(2024), 68.0, DateRange.year(2025), 76.0));
 * nps.value(DateRange.year(2025));   // OptionalDouble[76.0]
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param metric the metric's name, matched against {@link KpiTarget#metric()}; not blank
 * @param unit the unit of the values and of every gap, for example {@code %} or {@code points}; may be empty
 * @param values the value per period, finite; copied
 */
public record MetricSeries(String metric, String unit, SortedMap<DateRange, Double> values) {

    /** Validates and copies. */
    public MetricSeries {
        Objects.requireNonNull(metric, "metric must not be null");
        Objects.requireNonNull(unit, "unit must not be null");
        if (metric.isBlank()) {
            throw new IllegalArgumentException("metric must not be blank: '" + metric + "'");
        }
        TreeMap<DateRange, Double> copy = new TreeMap<>();
        values.forEach((period, value) -> {
            Objects.requireNonNull(period, "values must not hold a null period");
            if (value == null || !Double.isFinite(value)) {
                throw new IllegalArgumentException("values must be finite: " + value + " for " + period);
            }
            copy.put(period, value);
        });
        values = Collections.unmodifiableSortedMap(copy);
    }

    /**
     * A series from any map of values.
     *
     * @param metric the metric's name
     * @param unit the unit
     * @param values the value per period
     * @return the series
     */
    public static MetricSeries of(String metric, String unit, Map<DateRange, Double> values) {
        return new MetricSeries(metric, unit, new TreeMap<>(values));
    }

    /**
     * The value of a period.
     *
     * @param period the period
     * @return the value, or empty if the series has none for the period
     */
    public OptionalDouble value(DateRange period) {
        Double v = values.get(period);
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    @Override
    public String toString() {
        return "MetricSeries[metric=" + metric + ", unit=" + unit + ", values=" + FirstRows.of(values) + "]";
    }
}
