package org.loyaltykpi.document;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One headline number of a section (a dashboard tile): its value, its unit, the value of the previous period and,
 * optionally, the table column that holds its history (a sparkline).
 *
 * <p>The change against the previous period is {@link #change()}: for rates and shares the difference in percentage
 * points, for counts, money and decimals the relative change.
 *
 * <pre>{@code
 * new KeyFigure("retention", Message.of("figure.retention"), Cell.ratio(80, 100), Optional.empty(),
 *         Optional.of(Cell.ratio(70, 100)), Optional.of(new KeyFigure.Trend("behaviourByPeriod", "retentionRate")))
 * // change(): +10.0 percentage points
 * }</pre>
 *
 * @param id the stable id, camelCase and unique in its section
 * @param label the label
 * @param value the value
 * @param unit the unit when the value's type does not say it (for example "purchases per customer")
 * @param previous the value in the previous period, if there is one
 * @param trend the table column with the value period by period, if there is one
 * @param headline whether a dashboard shows it among the key figures at the top even without a trend (a figure with a
 *     trend always is one)
 * @param score whether the value is a score in points (NPS, -100 to 100) whose change is the difference of the two
 *     values in points, not a relative change (a relative change of a score that can be 0 or negative means nothing)
 */
public record KeyFigure(
        String id,
        Message label,
        Cell value,
        Optional<Message> unit,
        Optional<Cell> previous,
        Optional<Trend> trend,
        boolean headline,
        boolean score) {

    /** Validates the id. */
    public KeyFigure {
        Ids.field(id, "figure");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(trend, "trend");
    }

    /**
     * A figure that is a headline only if it has a trend.
     *
     * @param id the stable id
     * @param label the label
     * @param value the value
     * @param unit the unit, if the value's type does not say it
     * @param previous the previous period's value, if there is one
     * @param trend the table column of its history, if there is one
     */
    public KeyFigure(
            String id,
            Message label,
            Cell value,
            Optional<Message> unit,
            Optional<Cell> previous,
            Optional<Trend> trend) {
        this(id, label, value, unit, previous, trend, false, false);
    }

    /**
     * This figure as a headline: a dashboard shows it among the key figures at the top.
     *
     * @return the figure
     */
    public KeyFigure asHeadline() {
        return new KeyFigure(id, label, value, unit, previous, trend, true, score);
    }

    /**
     * Whether a dashboard shows this figure among the key figures at the top: it has a trend or is a headline.
     *
     * @return whether it is a key figure of the whole document
     */
    public boolean isHeadline() {
        return headline || trend.isPresent();
    }

    /**
     * A figure with no unit, previous value or trend.
     *
     * @param id the id
     * @param label the label
     * @param value the value
     * @return the figure
     */
    public static KeyFigure of(String id, Message label, Cell value) {
        return new KeyFigure(id, label, value, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * This figure with the previous period's value.
     *
     * @param previousValue the previous value
     * @return the figure
     */
    public KeyFigure withPrevious(Cell previousValue) {
        return new KeyFigure(id, label, value, unit, Optional.of(previousValue), trend, headline, score);
    }

    /**
     * This figure with its history.
     *
     * @param table the table id
     * @param column the column id
     * @return the figure
     */
    public KeyFigure withTrend(String table, String column) {
        return new KeyFigure(id, label, value, unit, previous, Optional.of(new Trend(table, column)), headline, score);
    }

    /**
     * This figure with a unit.
     *
     * @param unitLabel the unit
     * @return the figure
     */
    public KeyFigure withUnit(Message unitLabel) {
        return new KeyFigure(id, label, value, Optional.of(unitLabel), previous, trend, headline, score);
    }

    /**
     * This figure as a score in points (NPS): its change is the difference of the values in points.
     *
     * @return the figure, a score
     */
    public KeyFigure asScore() {
        return new KeyFigure(id, label, value, unit, previous, trend, headline, true);
    }

    /**
     * The change against the previous period: points for scores (NPS: {@code v - p}), percentage points for ratios and shares ({@code 100 * (v - p)}), the
     * relative change for other numbers ({@code (v - p) / |p|}, as a fraction).
     *
     * @return the change, or empty when there is no previous value, either value is undefined or the previous
     *     number is 0 for a relative change
     */
    public OptionalDouble change() {
        if (previous.isEmpty()) {
            return OptionalDouble.empty();
        }
        OptionalDouble now = value.number();
        OptionalDouble before = previous.get().number();
        if (now.isEmpty() || before.isEmpty()) {
            return OptionalDouble.empty();
        }
        if (score) {
            return OptionalDouble.of(now.getAsDouble() - before.getAsDouble());
        }
        if (changeInPoints()) {
            return OptionalDouble.of(100 * (now.getAsDouble() - before.getAsDouble()));
        }
        double base = Math.abs(before.getAsDouble());
        return base == 0
                ? OptionalDouble.empty()
                : OptionalDouble.of((now.getAsDouble() - before.getAsDouble()) / base);
    }

    /**
     * Whether {@link #change()} is in percentage points (ratios and shares) rather than relative.
     *
     * @return whether in points
     */
    public boolean changeInPoints() {
        return score || value instanceof Cell.RatioOf || value instanceof Cell.Share;
    }

    /**
     * Where a figure's history is: a column of a table in the same document.
     *
     * @param table the table id
     * @param column the column id
     */
    public record Trend(String table, String column) {
        /** Validates the ids. */
        public Trend {
            Ids.check(table, "table");
            Ids.check(column, "column");
        }
    }
}
