package org.loyaltykpi.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import org.loyaltykpi.internal.EnumNames;

/**
 * How finely time is cut into periods: calendar days, ISO weeks (Monday to Sunday), calendar months, quarters or
 * years.
 *
 * <p>Each granularity numbers its periods with a dense ordinal (days since 1970-01-01, weeks since the ISO week of
 * 1970-01-01, months since January 1970, ...), which the columnar engines use to bucket epoch days without creating
 * date objects.
 *
 * <pre>{@code
 * Granularity.MONTH.periodContaining(LocalDate.of(2024, 3, 15));   // 2024-03-01/2024-04-01
 * Granularity.QUARTER.periodsCovering(DateRange.parse("2024-02-10/2024-05-01"));
 *     // [2024-01-01/2024-04-01, 2024-04-01/2024-07-01]
 * }</pre>
 */
public enum Granularity {
    /** Calendar days. */
    DAY,
    /** ISO weeks, Monday to Sunday. */
    WEEK,
    /** Calendar months. */
    MONTH,
    /** Calendar quarters (January, April, July, October). */
    QUARTER,
    /** Calendar years. */
    YEAR;

    /**
     * Reads a granularity by name, ignoring case ({@code month}, {@code MONTH}).
     *
     * @param name the name
     * @return the granularity
     * @throws IllegalArgumentException naming the value and the valid names
     */
    public static Granularity parse(String name) {
        return EnumNames.parse(Granularity.class, name, "granularity must be one of day, week, month, quarter, year");
    }

    /**
     * The ordinal of the period holding a day.
     *
     * @param day the day
     * @return the dense period number; consecutive periods have consecutive numbers
     */
    public long ordinal(LocalDate day) {
        switch (this) {
            case DAY:
                return day.toEpochDay();
            case WEEK:
                // 1970-01-01 is a Thursday: the ISO week holding it starts on epoch day -3.
                return Math.floorDiv(day.toEpochDay() + 3, 7);
            case MONTH:
                return (day.getYear() - 1970L) * 12 + day.getMonthValue() - 1;
            case QUARTER:
                return (day.getYear() - 1970L) * 4 + (day.getMonthValue() - 1) / 3;
            case YEAR:
                return day.getYear() - 1970L;
            default:
                throw new AssertionError(this);
        }
    }

    /**
     * The period with an ordinal, the inverse of {@link #ordinal(LocalDate)}.
     *
     * @param ordinal the period number
     * @return the period
     */
    public DateRange period(long ordinal) {
        switch (this) {
            case DAY:
                return DateRange.day(LocalDate.ofEpochDay(ordinal));
            case WEEK:
                LocalDate monday = LocalDate.ofEpochDay(ordinal * 7 - 3);
                return DateRange.of(monday, monday.plusWeeks(1));
            case MONTH:
                return DateRange.month((int) Math.floorDiv(ordinal, 12) + 1970, (int) Math.floorMod(ordinal, 12) + 1);
            case QUARTER:
                return DateRange.quarter((int) Math.floorDiv(ordinal, 4) + 1970, (int) Math.floorMod(ordinal, 4) + 1);
            case YEAR:
                return DateRange.year((int) ordinal + 1970);
            default:
                throw new AssertionError(this);
        }
    }

    /**
     * The whole period of this granularity that holds a day.
     *
     * @param day the day
     * @return for {@link #MONTH}, the calendar month of the day
     */
    public DateRange periodContaining(LocalDate day) {
        if (this == WEEK) {
            LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            return DateRange.of(monday, monday.plusWeeks(1));
        }
        return period(ordinal(day));
    }

    /**
     * The whole periods of this granularity that overlap a range, in order. Periods are not clipped: a range from the
     * middle of January to the middle of March gives the whole of January, February and March.
     *
     * @param range the range
     * @return the periods, at least one
     * @throws LimitExceededException if there are more than {@link LimitExceededException#MAX_PERIODS}
     */
    public List<DateRange> periodsCovering(DateRange range) {
        long first = ordinal(range.start());
        long last = ordinal(range.endExclusive().minusDays(1));
        checkPeriods(first, last, LimitExceededException.MAX_PERIODS, "a breakdown", "the range " + range);
        List<DateRange> periods = new ArrayList<>((int) Math.min(Integer.MAX_VALUE - 8, last - first + 1));
        for (long o = first; o <= last; o++) {
            periods.add(period(o));
        }
        return List.copyOf(periods);
    }

    /**
     * Checks, before anything is allocated, that the periods {@code firstOrdinal..lastOrdinal} of this granularity are
     * at most {@code bound}: the one check behind every bounded breakdown (cohort matrices, per-period behaviour,
     * survey and review series).
     *
     * <pre>{@code
     * Granularity.YEAR.checkPeriods(2020, 2024, 10, "a breakdown", "the purchases");   // 5
     * Granularity.DAY.checkPeriods(0, 200_000, 100_000, "a breakdown", "the range 1970-01-01/2517-08-12");
     * // LimitExceededException: 200001 periods of day from 1970-01-01 to 2517-08-11 for the range ...:
     * //     a breakdown has at most 100000 periods; choose a coarser granularity or leave out the outlying dates
     * }</pre>
     *
     * @param firstOrdinal the first period's ordinal ({@link #ordinal(LocalDate)})
     * @param lastOrdinal the last period's ordinal
     * @param bound the most periods allowed
     * @param breakdown what is broken down, for the message: {@code "a cohort matrix"}
     * @param what what spans the periods, for the message: {@code "the purchases (the earliest: customer C7 on
     *     0001-01-01, the latest: customer C2 on 9999-12-31)"}
     * @return the number of periods, 0 when {@code lastOrdinal < firstOrdinal}
     * @throws LimitExceededException naming the periods, their first and last day, the bound and {@code what}
     */
    public int checkPeriods(long firstOrdinal, long lastOrdinal, int bound, String breakdown, String what) {
        long count = lastOrdinal - firstOrdinal + 1;
        if (count > bound) {
            throw new LimitExceededException(count + " periods of " + name().toLowerCase(java.util.Locale.ROOT)
                    + " from " + period(firstOrdinal).start() + " to "
                    + period(lastOrdinal).endExclusive().minusDays(1) + " for " + what + ": " + breakdown
                    + " has at most " + bound + " periods; choose a coarser granularity or leave out the outlying"
                    + " dates");
        }
        return (int) Math.max(0, count);
    }
}
