package org.loyaltykpi.program;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Points earned and redeemed, and what follows from them: the redemption rate and the outstanding points (the
 * program's liability).
 *
 * <table>
 *   <caption>Metrics and formulas</caption>
 *   <tr><th>method</th><th>formula</th><th>unit</th></tr>
 *   <tr><td>{@link #redemptionRate()}</td><td>redeemed / earned</td><td>fraction</td></tr>
 *   <tr><td>{@link #outstanding()}</td><td>earned - redeemed</td><td>points</td></tr>
 *   <tr><td>{@link #liability(BigDecimal)}</td><td>(earned - redeemed) x point value</td><td>money</td></tr>
 * </table>
 *
 * <p>Edge cases: with nothing earned the redemption rate is undefined (empty). Over one period the rate can exceed 1
 * (points earned earlier are spent); over the whole history it is at most 1 and the outstanding points are {@code >=
 * 0} whenever every redemption is covered by earlier earnings. A negative outstanding balance means the events do not
 * cover the whole history (redemptions of points earned before the export starts); it is reported as is, not clipped.
 *
 * <p>Summaries of disjoint event sets add up: {@link #plus(PointsSummary)}.
 *
 * <pre>{@code
 * PointsSummary p = new PointsSummary(1000, 250);
 * p.redemptionRate();                      // OptionalDouble[0.25]
 * p.outstanding();                         // 750
 * p.liability(new BigDecimal("0.01"));     // 7.50
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param earned points earned, {@code >= 0}
 * @param redeemed points redeemed, {@code >= 0}
 */
public record PointsSummary(long earned, long redeemed) {

    /** Validates the counts. */
    public PointsSummary {
        if (earned < 0) {
            throw new IllegalArgumentException("earned must be >= 0: " + earned);
        }
        if (redeemed < 0) {
            throw new IllegalArgumentException("redeemed must be >= 0: " + redeemed);
        }
    }

    /**
     * No points.
     *
     * @return {@code 0 / 0}
     */
    public static PointsSummary empty() {
        return new PointsSummary(0, 0);
    }

    /**
     * The share of earned points that were redeemed.
     *
     * @return {@code redeemed / earned}, or empty if nothing was earned
     */
    public OptionalDouble redemptionRate() {
        return earned == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) redeemed / earned);
    }

    /**
     * The points still to be redeemed.
     *
     * @return {@code earned - redeemed}, in points
     */
    public long outstanding() {
        return earned - redeemed;
    }

    /** The largest money value of one point that {@link #liability(BigDecimal)} takes: 1,000,000. */
    public static final BigDecimal MAX_POINT_VALUE = BigDecimal.valueOf(1_000_000);

    /**
     * The outstanding points in money.
     *
     * @param pointValue the money one point is worth, {@code >= 0}, at most {@link #MAX_POINT_VALUE} and with at most
     *     9 decimal places (so that the product stays a number one can print)
     * @return {@code outstanding x pointValue}
     */
    public BigDecimal liability(BigDecimal pointValue) {
        if (pointValue.signum() < 0
                || pointValue.compareTo(MAX_POINT_VALUE) > 0
                || pointValue.stripTrailingZeros().scale() > 9) {
            throw new IllegalArgumentException("point value must be >= 0, at most " + MAX_POINT_VALUE.toPlainString()
                    + " and have at most 9 decimal places: " + pointValue.toString());
        }
        return pointValue.multiply(BigDecimal.valueOf(outstanding()));
    }

    /**
     * The points of two disjoint sets of events.
     *
     * @param other the other summary
     * @return earned and redeemed points added
     */
    public PointsSummary plus(PointsSummary other) {
        return new PointsSummary(Math.addExact(earned, other.earned), Math.addExact(redeemed, other.redeemed));
    }

    /** For example {@code earned 1000, redeemed 250 (25.0%), outstanding 750}. */
    @Override
    public String toString() {
        return "earned " + earned + ", redeemed " + redeemed + " ("
                + (redemptionRate().isEmpty()
                        ? "n/a"
                        : String.format(
                                Locale.ROOT, "%.1f%%", 100 * redemptionRate().getAsDouble()))
                + "), outstanding " + outstanding();
    }
}
