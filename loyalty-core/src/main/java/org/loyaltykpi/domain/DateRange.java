package org.loyaltykpi.domain;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import org.loyaltykpi.internal.Quoted;

/**
 * A half-open range of days {@code [start, endExclusive)}, the unit every period metric is computed over.
 *
 * <p>Half-open ranges tile without gaps or overlaps: {@code 2024-01-01/2024-02-01} followed by {@code
 * 2024-02-01/2024-03-01} covers January and February exactly once. The text form is the ISO-8601 interval {@code
 * start/endExclusive}, and {@link #parse(CharSequence)} reads back what {@link #toString()} writes.
 *
 * <pre>{@code
 * DateRange.month(2024, 3);                     // 2024-03-01/2024-04-01
 * DateRange.quarter(2024, 1);                   // 2024-01-01/2024-04-01
 * DateRange.year(2024).lengthInDays();          // 366
 * DateRange.parse("1997-01-01/1998-07-01");     // 18 months of CDNOW
 * DateRange.parse("2024-Q1");                   // 2024-01-01/2024-04-01
 * DateRange.month(2024, 3).previous();          // 2024-02-01/2024-03-01
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param start the first day in the period
 * @param endExclusive the first day after the period; after {@code start}
 */
public record DateRange(LocalDate start, LocalDate endExclusive) implements Comparable<DateRange> {

    /** Validates that the period holds at least one day. */
    public DateRange {
        Objects.requireNonNull(start, "start must not be null");
        Objects.requireNonNull(endExclusive, "endExclusive must not be null");
        if (!endExclusive.isAfter(start)) {
            throw new IllegalArgumentException(
                    "period end must be after its start (the end is exclusive): " + start + "/" + endExclusive);
        }
    }

    /**
     * The period {@code [start, endExclusive)}.
     *
     * @param start the first day
     * @param endExclusive the first day after the period
     * @return the period
     * @throws IllegalArgumentException if {@code endExclusive} is not after {@code start}
     */
    public static DateRange of(LocalDate start, LocalDate endExclusive) {
        return new DateRange(start, endExclusive);
    }

    /**
     * A single day.
     *
     * @param day the day
     * @return {@code [day, day + 1)}
     */
    public static DateRange day(LocalDate day) {
        return new DateRange(day, day.plusDays(1));
    }

    /**
     * A calendar month.
     *
     * @param year the year
     * @param month 1..12
     * @return the month as a period
     */
    public static DateRange month(int year, int month) {
        return month(YearMonth.of(year, month));
    }

    /**
     * A calendar month.
     *
     * @param month the month
     * @return the month as a period
     */
    public static DateRange month(YearMonth month) {
        return new DateRange(month.atDay(1), month.plusMonths(1).atDay(1));
    }

    /**
     * A calendar quarter.
     *
     * @param year the year
     * @param quarter 1..4
     * @return the quarter as a period
     */
    public static DateRange quarter(int year, int quarter) {
        if (quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("quarter must be 1..4: " + quarter);
        }
        LocalDate start = LocalDate.of(year, 3 * (quarter - 1) + 1, 1);
        return new DateRange(start, start.plusMonths(3));
    }

    /**
     * A calendar year.
     *
     * @param year the year
     * @return the year as a period
     */
    public static DateRange year(int year) {
        LocalDate start = Year.of(year).atDay(1);
        return new DateRange(start, start.plusYears(1));
    }

    /**
     * Reads a period: the ISO-8601 form {@code start/endExclusive} ({@code 2024-01-01/2024-04-01}), or a short form as
     * {@link #label()} writes it: a month {@code 2024-03}, a quarter {@code 2024-Q1} (or {@code q1}) or a year {@code
     * 2024}. So {@code parse(p.toString())} gives {@code p} back, and so does {@code parse(p.label())} for every period
     * but a single day: a bare date is not read as a day, since it usually means a start with the end forgotten
     * ({@code 2024-03-05/2024-03-06} is that day).
     *
     * <pre>{@code
     * DateRange.parse("2024-03");     // 2024-03-01/2024-04-01
     * DateRange.parse("2024-Q2");     // 2024-04-01/2024-07-01
     * DateRange.parse("2024");        // 2024-01-01/2025-01-01
     * }</pre>
     *
     * @param text the text; surrounding white space is ignored
     * @return the period
     * @throws IllegalArgumentException naming the text if it is none of these forms or the end is not after the start
     */
    public static DateRange parse(CharSequence text) {
        Objects.requireNonNull(text, "period text must not be null");
        String s = text.toString().strip();
        int slash = s.indexOf('/');
        try {
            if (slash < 0) {
                return parseShort(s).orElseThrow(() -> badPeriod(text, null));
            }
            if (slash != s.lastIndexOf('/')) {
                throw badPeriod(text, null);
            }
            return new DateRange(LocalDate.parse(s.substring(0, slash)), LocalDate.parse(s.substring(slash + 1)));
        } catch (DateTimeException e) {
            throw badPeriod(text, e);
        }
    }

    /** A month, quarter or year in its {@link #label()} form, or empty if the text has none of those shapes. */
    private static Optional<DateRange> parseShort(String s) {
        if (s.matches("[0-9]{4}-[0-9]{2}")) {
            return Optional.of(month(YearMonth.parse(s)));
        }
        if (s.matches("[0-9]{4}-[Qq][1-4]")) {
            return Optional.of(quarter(Integer.parseInt(s.substring(0, 4)), s.charAt(6) - '0'));
        }
        if (s.matches("[0-9]{4}")) {
            return Optional.of(year(Integer.parseInt(s)));
        }
        return Optional.empty();
    }

    private static IllegalArgumentException badPeriod(CharSequence text, DateTimeException cause) {
        return new IllegalArgumentException(
                "period must be START/END with ISO dates (yyyy-MM-dd), e.g. 2024-01-01/2024-04-01, or a month"
                        + " 2024-03, a quarter 2024-Q1 or a year 2024: '" + Quoted.value(text.toString()) + "'",
                cause);
    }

    /**
     * The number of days in the period.
     *
     * @return {@code endExclusive - start} in days, at least 1
     */
    public long lengthInDays() {
        return ChronoUnit.DAYS.between(start, endExclusive);
    }

    /**
     * Whether a day lies in the period.
     *
     * @param day the day
     * @return {@code start <= day < endExclusive}
     */
    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && day.isBefore(endExclusive);
    }

    /**
     * The period just before this one, of the same length.
     *
     * <p>"Same length" is calendar-aware: when both ends are first days of a month (a month, a quarter, a year, or
     * any run of whole months) the previous period spans the same number of whole months, so the month before March
     * is February; otherwise it spans the same number of days.
     *
     * @return the period ending where this one starts
     */
    public DateRange previous() {
        if (start.getDayOfMonth() == 1 && endExclusive.getDayOfMonth() == 1) {
            long months = ChronoUnit.MONTHS.between(start, endExclusive);
            return new DateRange(start.minusMonths(months), start);
        }
        return new DateRange(start.minusDays(lengthInDays()), start);
    }

    /**
     * This period moved by a number of days.
     *
     * @param days how far, negative for earlier
     * @return the shifted period
     */
    public DateRange plusDays(long days) {
        return new DateRange(start.plusDays(days), endExclusive.plusDays(days));
    }

    /**
     * A short label: {@code 2024-03} for a calendar month, {@code 2024-Q1} for a calendar quarter, {@code 2024} for a
     * calendar year, {@code 2024-03-05} for a single day, and the ISO form otherwise.
     *
     * @return the label
     */
    public String label() {
        if (lengthInDays() == 1) {
            return start.toString();
        }
        if (start.getDayOfMonth() == 1) {
            if (start.plusMonths(1).equals(endExclusive)) {
                return YearMonth.from(start).toString();
            }
            if (start.plusMonths(3).equals(endExclusive) && (start.getMonthValue() - 1) % 3 == 0) {
                return start.getYear() + "-Q" + ((start.getMonthValue() - 1) / 3 + 1);
            }
            if (start.getDayOfYear() == 1 && start.plusYears(1).equals(endExclusive)) {
                return Integer.toString(start.getYear());
            }
        }
        return toString();
    }

    /** Orders periods by start, then by end. */
    @Override
    public int compareTo(DateRange other) {
        int byStart = start.compareTo(other.start);
        return byStart != 0 ? byStart : endExclusive.compareTo(other.endExclusive);
    }

    /**
     * The ISO-8601 interval {@code start/endExclusive}, which {@link #parse(CharSequence)} reads back.
     *
     * @return for example {@code 2024-01-01/2024-04-01}
     */
    @Override
    public String toString() {
        return start + "/" + endExclusive;
    }
}
