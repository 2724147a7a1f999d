package org.loyaltykpi.clv;

/**
 * How prediction intervals are drawn ({@link ClvCalculator#predictIntervals}): the parameters are drawn {@code draws}
 * times from the asymptotic normal of the fit (on its log scale, mean the estimates, covariance the inverse Hessian),
 * every prediction is computed under each draw, and the interval is the central {@code level} range of those values
 * (the empirical {@code (1 - level)/2} and {@code (1 + level)/2} quantiles, linearly interpolated).
 *
 * <pre>{@code
 * new IntervalOptions(0.9, 500, 42);   // 90% intervals from 500 draws, seed 42
 * IntervalOptions.of(0.9);             // 200 draws, seed 1
 * }</pre>
 *
 * @param level the central probability of the intervals, in {@code (0, 1)}
 * @param draws the number of parameter draws, at least 2
 * @param seed the seed of the draws (the same seed gives the same intervals on every JDK)
 */
public record IntervalOptions(double level, int draws, long seed) {
    /** The default number of draws. */
    public static final int DEFAULT_DRAWS = 200;

    /** The default seed. */
    public static final long DEFAULT_SEED = 1;

    /** Validates, naming the field and the value. */
    public IntervalOptions {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("interval level must be in (0, 1): " + level);
        }
        if (draws < 2) {
            throw new IllegalArgumentException("draws must be at least 2: " + draws);
        }
    }

    /**
     * Intervals at a level with the default draws and seed.
     *
     * @param level the central probability, in {@code (0, 1)}
     * @return the options
     */
    public static IntervalOptions of(double level) {
        return new IntervalOptions(level, DEFAULT_DRAWS, DEFAULT_SEED);
    }
}
