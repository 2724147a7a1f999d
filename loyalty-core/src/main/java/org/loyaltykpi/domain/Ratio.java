package org.loyaltykpi.domain;

import java.util.Locale;
import java.util.OptionalDouble;

/**
 * A share of a count: {@code numerator} out of {@code denominator}, such as 412 retained customers out of 1,000.
 *
 * <p>Rates keep their counts, so a reader sees how much data stands behind a percentage, and rates over disjoint
 * groups add up exactly ({@link #plus(Ratio)}). With a zero denominator the rate is undefined: {@link #value()} is
 * empty, never {@code NaN}.
 *
 * <pre>{@code
 * Ratio r = Ratio.of(412, 1000);
 * r.value();      // OptionalDouble[0.412]
 * r.percent();    // OptionalDouble[41.2]
 * r.toString();   // "41.2% (412/1000)"
 * Ratio.of(0, 0); // "n/a (0/0)"
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param numerator the part, {@code 0 <= numerator <= denominator}
 * @param denominator the whole, {@code >= 0}
 */
public record Ratio(long numerator, long denominator) implements Comparable<Ratio> {

    /** Validates {@code 0 <= numerator <= denominator}. */
    public Ratio {
        if (numerator < 0 || denominator < 0 || numerator > denominator) {
            throw new IllegalArgumentException(
                    "a ratio needs 0 <= numerator <= denominator: " + numerator + "/" + denominator);
        }
    }

    /**
     * The ratio {@code numerator / denominator}.
     *
     * @param numerator the part
     * @param denominator the whole
     * @return the ratio
     */
    public static Ratio of(long numerator, long denominator) {
        return new Ratio(numerator, denominator);
    }

    /**
     * The share as a fraction.
     *
     * @return {@code numerator / denominator} in 0..1, or empty when the denominator is 0
     */
    public OptionalDouble value() {
        return denominator == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) numerator / denominator);
    }

    /**
     * The share in percent.
     *
     * @return {@code 100 * numerator / denominator} in 0..100, or empty when the denominator is 0
     */
    public OptionalDouble percent() {
        return denominator == 0 ? OptionalDouble.empty() : OptionalDouble.of(100.0 * numerator / denominator);
    }

    /**
     * The complement {@code (denominator - numerator) / denominator}, for example churn from retention.
     *
     * @return the complementary ratio
     */
    public Ratio complement() {
        return new Ratio(denominator - numerator, denominator);
    }

    /**
     * The ratio over two disjoint groups.
     *
     * @param other the other group's ratio
     * @return numerators and denominators added
     */
    public Ratio plus(Ratio other) {
        return new Ratio(Math.addExact(numerator, other.numerator), Math.addExact(denominator, other.denominator));
    }

    /** Orders by value; undefined ratios first. Compares exactly by cross-multiplication. */
    @Override
    public int compareTo(Ratio other) {
        if (denominator == 0 || other.denominator == 0) {
            return Boolean.compare(denominator != 0, other.denominator != 0);
        }
        // Exact 128-bit cross products: counts are >= 0, so compare the high words, then the low words unsigned.
        int high = Long.compare(
                Math.multiplyHigh(numerator, other.denominator), Math.multiplyHigh(other.numerator, denominator));
        return high != 0 ? high : Long.compareUnsigned(numerator * other.denominator, other.numerator * denominator);
    }

    /** For example {@code 41.2% (412/1000)}, or {@code n/a (0/0)}. */
    @Override
    public String toString() {
        return (denominator == 0 ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100.0 * numerator / denominator)) + " ("
                + numerator + "/" + denominator + ")";
    }
}
