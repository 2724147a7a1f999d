package org.loyaltykpi.clv;

import org.loyaltykpi.internal.EnumNames;

/**
 * The time unit of an RFM summary and of every model fitted to it: recency, T, horizons and rates are all in this
 * unit, never implied.
 *
 * <p>Conversions from days are exact divisions, never rounded: a week is 7 days, a year 365.25 days (the Julian year,
 * the mean over the leap cycle) and a month a twelfth of that, 30.4375 days. So 13 weeks is 91 days, and 12 months is
 * exactly one year.
 *
 * <pre>{@code
 * TimeScale.WEEKS.fromDays(272);   // 38.857142857142854
 * TimeScale.parse("weeks");        // WEEKS
 * }</pre>
 */
public enum TimeScale {
    /** One day. */
    DAYS(1),
    /** Seven days. */
    WEEKS(7),
    /** 365.25 / 12 = 30.4375 days. */
    MONTHS(365.25 / 12),
    /** 365.25 days. */
    YEARS(365.25);

    private final double days;

    TimeScale(double days) {
        this.days = days;
    }

    /**
     * The length of this unit in days.
     *
     * @return 1, 7, 30.4375 or 365.25
     */
    public double days() {
        return days;
    }

    /**
     * A number of days in this unit.
     *
     * @param days the days
     * @return {@code days / days()}
     */
    public double fromDays(double days) {
        return days / this.days;
    }

    /**
     * A duration in another unit expressed in this one.
     *
     * @param amount the duration in {@code unit}
     * @param unit its unit
     * @return the same duration in this unit
     */
    public double convert(double amount, TimeScale unit) {
        return unit == this ? amount : amount * unit.days / days;
    }

    /**
     * Parses a unit name, case-insensitively, singular or plural: {@code days}, {@code week}, {@code MONTHS}, ...
     *
     * @param text the name
     * @return the unit
     * @throws IllegalArgumentException naming the text and the accepted names
     */
    public static TimeScale parse(String text) {
        return EnumNames.find(TimeScale.class, text)
                .or(() -> EnumNames.find(TimeScale.class, text.strip() + "S"))
                .orElseThrow(() ->
                        new IllegalArgumentException("time unit must be days, weeks, months or years: '" + text + "'"));
    }
}
