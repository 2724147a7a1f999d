package org.loyaltykpi.target;

import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;
import org.loyaltykpi.domain.DateRange;

/**
 * One period's verdict under a {@link KpiTarget}: the value, the required level, the pro-rata path and the status.
 *
 * <p>The gap is {@code value - required} in the metric's unit: negative means below the required level (a shortfall
 * for an at-least target), positive above it. It is empty when the value or the required level is.
 *
 * <pre>{@code
 * // NPS 72 in the second target year of "NPS 70 rising 5 points a year":
 * // TargetPeriod[2025, MISSED, value 72.0, required 75.0, gap -3.0]
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param period the period
 * @param status the verdict
 * @param value the series' value, empty for {@link TargetStatus#NO_DATA}
 * @param required the level required in the period; empty only for a relative target without a baseline value
 * @param path the pro-rata level that counts as {@link TargetStatus#ON_TRACK}; equal to {@code required} for a level
 *     to hold; empty when {@code required} is
 */
public record TargetPeriod(
        DateRange period, TargetStatus status, OptionalDouble value, OptionalDouble required, OptionalDouble path) {

    /** Validates that a judged period has a value and a required level, and a period with no data has no verdict. */
    public TargetPeriod {
        Objects.requireNonNull(period, "period must not be null");
        Objects.requireNonNull(status, "status must not be null");
        Objects.requireNonNull(value, "value must not be null");
        Objects.requireNonNull(required, "required must not be null");
        Objects.requireNonNull(path, "path must not be null");
        boolean judged = status != TargetStatus.NO_DATA;
        if (judged != (value.isPresent() && required.isPresent())) {
            throw new IllegalArgumentException("status " + status + " needs a value and a required level exactly when"
                    + " it is not NO_DATA: value " + value + ", required " + required);
        }
        if (required.isPresent() != path.isPresent()) {
            throw new IllegalArgumentException("path must be present exactly when required is: " + path);
        }
    }

    /**
     * The distance to the required level.
     *
     * @return {@code value - required} in the metric's unit, or empty if either is
     */
    public OptionalDouble gap() {
        return value.isPresent() && required.isPresent()
                ? OptionalDouble.of(value.getAsDouble() - required.getAsDouble())
                : OptionalDouble.empty();
    }

    /** For example {@code 2025: MISSED (value 72.00, required 75.00, gap -3.00)}. */
    @Override
    public String toString() {
        return period.label() + ": " + status + " (value " + format(value) + ", required " + format(required) + ", gap "
                + format(gap()) + ")";
    }

    private static String format(OptionalDouble x) {
        return x.isPresent() ? String.format(Locale.ROOT, "%.2f", x.getAsDouble()) : "n/a";
    }
}
