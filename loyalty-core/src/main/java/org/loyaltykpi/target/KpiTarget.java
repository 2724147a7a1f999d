package org.loyaltykpi.target;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.loyaltykpi.domain.DateRange;

/**
 * A target for one named metric series: a level to hold, a level with a yearly step, or a relative yearly change, and
 * the verdict per period: {@link TargetStatus met, on track, missed or no data}, with the gap.
 *
 * <p><b>Target years.</b> A target starts on a day (its {@link #start()}, by default the start of the first period
 * evaluated). Target year {@code n} is {@code [start + n years, start + n + 1 years)}; a period belongs to the target
 * year its first day falls in: {@code n = floor(whole years from start to period start)}, negative before the start.
 * Steps are <em>whole-year</em>: the required level changes on each anniversary of the start, not pro rata.
 *
 * <p><b>Required level in target year {@code n}</b> ({@code L} the level, {@code s} the yearly step, {@code r} the
 * yearly rate, {@code B} the baseline):
 *
 * <table>
 *   <caption>Kinds of target</caption>
 *   <tr><th>kind</th><th>required(n)</th><th>example</th></tr>
 *   <tr><td>{@link Kind#LEVEL}</td><td>{@code L}</td><td>satisfaction at least 80 %</td></tr>
 *   <tr><td>{@link Kind#STEPPED}</td><td>{@code L + s * n}</td><td>retention 95 % rising 2 points a year</td></tr>
 *   <tr><td>{@link Kind#RELATIVE}</td><td>{@code B * (1 + r)^n}</td><td>positive reviews growing 10 % a year</td></tr>
 * </table>
 *
 * <p>The baseline {@code B} of a relative target is the series' value in the <em>baseline period</em>: the first
 * evaluated period that starts on or after the target's start (so, by default, the first period). During target year
 * 0 the baseline is to be held; each anniversary compounds the rate. Without a baseline value, or with a baseline
 * {@code <= 0} (growth of a non-positive level has no meaning), the required level is undefined and every period is
 * {@link TargetStatus#NO_DATA}. With a seasonal metric, evaluate yearly periods (or a year-aligned start with
 * quarterly periods and accept the seasonality).
 *
 * <p><b>Status.</b> For an at-least target ({@code >=}; at-most mirrors every comparison):
 *
 * <ul>
 *   <li>MET if {@code value >= required(n)};
 *   <li>ON_TRACK if not, but {@code value >= path}, the pro-rata path from last year's level to this year's: {@code
 *       path = required(n - 1) + (required(n) - required(n - 1)) * f}, {@code f} the fraction of target year {@code n}
 *       elapsed at the period's end (whole months plus the fraction of the last month, over 12; so quarter ends give
 *       exactly 1/4, 2/4, 3/4, 1). So a retention target rising from 95 to 97 accepts 95.5 at the end of the first
 *       quarter of the new target year as on track, but at the year's end only 97 will do. A level to hold, and every
 *       target in its year 0 (and before its start), has {@code path = required}: it is met or missed;
 *   <li>MISSED otherwise; NO_DATA if the series has no value for the period.
 * </ul>
 *
 * <p>Comparisons allow a relative tolerance of {@code 1e-9} so that, for example, {@code 50 * 1.1} is met by 55.
 * The gap is {@code value - required} in the series' unit.
 *
 * <pre>{@code
 * KpiTarget nps = KpiTarget.atLeast("nps", 70).plusPerYear(5);
 * MetricSeries s = MetricSeries.of("nps", "points", Map.of(DateRange.year(2024), 71.0, DateRange.year(2025), 73.0));
 * nps.evaluate(s).periods();   // [2024: MET (gap 1.00), 2025: MISSED (required 75, gap -2.00)]
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param metric the name of the metric series the target applies to; not blank
 * @param direction whether values must be at least or at most the required level
 * @param level the level {@code L} of a level or stepped target; empty for a relative one (its level is the baseline)
 * @param yearlyChange the step {@code s} (in the metric's unit, not 0) of a stepped target, the rate {@code r}
 *     ({@code > -1}, not 0) of a relative one, 0 for a level to hold
 * @param start the first day of target year 0; empty to start with the first period evaluated
 */
public record KpiTarget(
        String metric, Direction direction, OptionalDouble level, double yearlyChange, Optional<LocalDate> start) {

    /** The three kinds of target. */
    public enum Kind {
        /** A level to hold: {@code required = L}. */
        LEVEL,
        /** A level with a whole-year step: {@code required = L + s * n}. */
        STEPPED,
        /** A compounded yearly change on a baseline: {@code required = B * (1 + r)^n}. */
        RELATIVE
    }

    /** Which side of the required level is good. */
    public enum Direction {
        /** Values at or above the required level meet the target. */
        AT_LEAST,
        /** Values at or below the required level meet the target. */
        AT_MOST
    }

    private static final double TOLERANCE = 1e-9;

    /** Validates the fields; they decide the {@link #kind()}. */
    public KpiTarget {
        Objects.requireNonNull(metric, "metric must not be null");
        Objects.requireNonNull(direction, "direction must not be null");
        Objects.requireNonNull(level, "level must not be null");
        Objects.requireNonNull(start, "start must not be null");
        if (metric.isBlank()) {
            throw new IllegalArgumentException("metric must not be blank: '" + metric + "'");
        }
        if (level.isPresent() && !Double.isFinite(level.getAsDouble())) {
            throw new IllegalArgumentException("level must be finite: " + level.getAsDouble());
        }
        if (!Double.isFinite(yearlyChange) || level.isEmpty() && yearlyChange == 0) {
            throw new IllegalArgumentException(
                    "yearlyChange must be finite, and not 0 for a RELATIVE target (one without a level): "
                            + yearlyChange);
        }
        if (level.isEmpty() && yearlyChange <= -1) {
            throw new IllegalArgumentException("yearlyChange of a RELATIVE target must be > -1: " + yearlyChange);
        }
    }

    /**
     * The kind of target, as its fields say: {@link Kind#RELATIVE} without a level, else {@link Kind#LEVEL} when the
     * yearly change is 0 and {@link Kind#STEPPED} when not.
     *
     * @return the kind
     */
    public Kind kind() {
        if (level.isEmpty()) {
            return Kind.RELATIVE;
        }
        return yearlyChange == 0 ? Kind.LEVEL : Kind.STEPPED;
    }

    /**
     * A level to hold from below: values must be at least {@code level}.
     *
     * @param metric the metric's name
     * @param level the level, in the metric's unit
     * @return the target
     */
    public static KpiTarget atLeast(String metric, double level) {
        return new KpiTarget(metric, Direction.AT_LEAST, OptionalDouble.of(level), 0, Optional.empty());
    }

    /**
     * A ceiling to hold: values must be at most {@code level}.
     *
     * @param metric the metric's name
     * @param level the level, in the metric's unit
     * @return the target
     */
    public static KpiTarget atMost(String metric, double level) {
        return new KpiTarget(metric, Direction.AT_MOST, OptionalDouble.of(level), 0, Optional.empty());
    }

    /**
     * A compounded yearly growth on the baseline, at least: {@code required = B * (1 + rate)^n}.
     *
     * @param metric the metric's name
     * @param rate the yearly rate, for example {@code 0.10} for +10 % a year; {@code > -1}, not 0
     * @return the target
     */
    public static KpiTarget growth(String metric, double rate) {
        return new KpiTarget(metric, Direction.AT_LEAST, OptionalDouble.empty(), rate, Optional.empty());
    }

    /**
     * This level target with a whole-year step: {@code required = level + step * n}.
     *
     * @param step the change per target year, in the metric's unit; 0 gives back a level to hold
     * @return a stepped copy
     * @throws IllegalArgumentException if this is a relative target
     */
    public KpiTarget plusPerYear(double step) {
        if (kind() == Kind.RELATIVE) {
            throw new IllegalArgumentException("a RELATIVE target has no level to step: " + this);
        }
        return new KpiTarget(metric, direction, level, step, start);
    }

    /**
     * This target starting on a given day.
     *
     * @param day the first day of target year 0
     * @return a copy
     */
    public KpiTarget startingOn(LocalDate day) {
        return new KpiTarget(metric, direction, level, yearlyChange, Optional.of(day));
    }

    /**
     * The verdict for every period of the series that has a value.
     *
     * @param series the series, of this target's metric
     * @return the evaluation; no periods for an empty series
     * @throws IllegalArgumentException if the series is of another metric
     */
    public TargetEvaluation evaluate(MetricSeries series) {
        return evaluate(series, List.copyOf(series.values().keySet()));
    }

    /**
     * The verdict for chosen periods; those without a value in the series are {@link TargetStatus#NO_DATA}.
     *
     * @param series the series, of this target's metric
     * @param periods the periods to judge, in time order
     * @return the evaluation, one verdict per period
     * @throws IllegalArgumentException if the series is of another metric or the periods are not in order
     */
    public TargetEvaluation evaluate(MetricSeries series, List<DateRange> periods) {
        if (!series.metric().equals(metric)) {
            throw new IllegalArgumentException(
                    "target for '" + metric + "' cannot judge the series of '" + series.metric() + "'");
        }
        for (int i = 1; i < periods.size(); i++) {
            if (periods.get(i - 1).compareTo(periods.get(i)) >= 0) {
                throw new IllegalArgumentException(
                        "periods must be in increasing order: " + periods.get(i - 1) + " before " + periods.get(i));
            }
        }
        if (periods.isEmpty()) {
            return new TargetEvaluation(this, series.unit(), List.of());
        }
        LocalDate origin = start.orElse(periods.get(0).start());
        OptionalDouble base = base(series, periods, origin);
        List<TargetPeriod> verdicts = new ArrayList<>(periods.size());
        for (DateRange p : periods) {
            verdicts.add(judge(p, series.value(p), base, origin));
        }
        return new TargetEvaluation(this, series.unit(), verdicts);
    }

    /** {@code L} for level and stepped targets; the baseline value for a relative one, if it has a positive one. */
    private OptionalDouble base(MetricSeries series, List<DateRange> periods, LocalDate origin) {
        if (kind() != Kind.RELATIVE) {
            return level;
        }
        for (DateRange p : periods) {
            if (!p.start().isBefore(origin)) {
                OptionalDouble b = series.value(p);
                return b.isPresent() && b.getAsDouble() > 0 ? b : OptionalDouble.empty();
            }
        }
        return OptionalDouble.empty();
    }

    private TargetPeriod judge(DateRange p, OptionalDouble value, OptionalDouble base, LocalDate origin) {
        if (base.isEmpty()) {
            return new TargetPeriod(p, TargetStatus.NO_DATA, value, OptionalDouble.empty(), OptionalDouble.empty());
        }
        long n = wholeYears(origin, p.start());
        double required = required(base.getAsDouble(), n);
        // Target year 0 (and before) has no earlier level to come from: its path is its required level.
        double previous = n >= 1 ? required(base.getAsDouble(), n - 1) : required;
        double f = yearFraction(origin.plusYears(n), origin.plusYears(n + 1), p.endExclusive());
        double path = previous + (required - previous) * f;
        OptionalDouble req = OptionalDouble.of(required);
        if (value.isEmpty()) {
            return new TargetPeriod(p, TargetStatus.NO_DATA, value, req, OptionalDouble.of(path));
        }
        double v = value.getAsDouble();
        TargetStatus status = reaches(v, required)
                ? TargetStatus.MET
                : reaches(v, path) ? TargetStatus.ON_TRACK : TargetStatus.MISSED;
        return new TargetPeriod(p, status, value, req, OptionalDouble.of(path));
    }

    private double required(double base, long n) {
        switch (kind()) {
            case LEVEL:
                return base;
            case STEPPED:
                return base + yearlyChange * n;
            default:
                return base * Math.pow(1 + yearlyChange, n);
        }
    }

    private boolean reaches(double value, double level) {
        double slack = TOLERANCE * Math.max(1, Math.abs(level));
        return direction == Direction.AT_LEAST ? value >= level - slack : value <= level + slack;
    }

    /** {@code floor} of the whole years from {@code origin} to {@code day}; negative before the origin. */
    static long wholeYears(LocalDate origin, LocalDate day) {
        long n = ChronoUnit.YEARS.between(origin, day);
        return origin.plusYears(n).isAfter(day) ? n - 1 : n;
    }

    /** The share of {@code [yearStart, yearEnd)} elapsed at {@code end}: whole months plus a month's fraction, / 12. */
    static double yearFraction(LocalDate yearStart, LocalDate yearEnd, LocalDate end) {
        if (!end.isBefore(yearEnd)) {
            return 1;
        }
        long months = ChronoUnit.MONTHS.between(yearStart, end);
        LocalDate monthStart = yearStart.plusMonths(months);
        double part = (double) ChronoUnit.DAYS.between(monthStart, end)
                / ChronoUnit.DAYS.between(monthStart, yearStart.plusMonths(months + 1));
        return Math.min(1, (months + part) / 12);
    }

    /** For example {@code nps >= 70 +5/year}, {@code positive-reviews >= baseline x 1.1/year from 2024-01-01}. */
    @Override
    public String toString() {
        String op = direction == Direction.AT_LEAST ? " >= " : " <= ";
        String rule;
        switch (kind()) {
            case LEVEL:
                rule = number(level.getAsDouble());
                break;
            case STEPPED:
                rule = number(level.getAsDouble()) + (yearlyChange > 0 ? " +" : " ") + number(yearlyChange) + "/year";
                break;
            default:
                rule = "baseline x " + number(1 + yearlyChange) + "/year";
                break;
        }
        return metric + op + rule + start.map(d -> " from " + d).orElse("");
    }

    private static String number(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : String.format(Locale.ROOT, "%s", x);
    }
}
