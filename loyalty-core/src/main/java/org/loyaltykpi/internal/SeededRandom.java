package org.loyaltykpi.internal;

/**
 * A seeded random source whose every draw is defined here, so generated data is identical on every JDK.
 *
 * <p>The uniform bits are SplitMix64 (Steele, Lea and Flood 2014). The JDK's own generators are not used for the
 * distributions because their algorithms differ between releases ({@code SplittableRandom.nextGaussian()} gives other
 * numbers on JDK 17 and JDK 25 for the same seed). Not thread-safe.
 */
public final class SeededRandom {
    private static final long GOLDEN_GAMMA = 0x9E37_79B9_7F4A_7C15L;
    private long state;

    /**
     * A source with a seed.
     *
     * @param seed the seed
     */
    public SeededRandom(long seed) {
        this.state = seed;
    }

    /**
     * 64 uniform random bits.
     *
     * @return the next value
     */
    public long nextLong() {
        long z = (state += GOLDEN_GAMMA);
        z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
        return z ^ (z >>> 31);
    }

    /**
     * A uniform double in {@code [0, 1)} with 53 random bits.
     *
     * @return the value
     */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /**
     * A uniform double in {@code (0, 1)}, safe for logarithms.
     *
     * @return the value
     */
    public double nextOpenDouble() {
        return ((nextLong() >>> 12) + 0.5) * 0x1.0p-52;
    }

    /**
     * A uniform int in {@code [0, bound)} (Lemire's multiply-shift, with rejection so it is unbiased).
     *
     * @param bound the exclusive bound, positive
     * @return the value
     */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        while (true) {
            long bits = nextLong() >>> 32;
            long product = bits * bound;
            long low = product & 0xFFFF_FFFFL;
            if (low >= (0x1_0000_0000L % bound)) {
                return (int) (product >>> 32);
            }
        }
    }

    /**
     * A standard normal draw (Box-Muller; one of the pair is used, for simplicity and reproducibility).
     *
     * @return the value
     */
    public double nextGaussian() {
        double u = nextOpenDouble();
        double v = nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /**
     * An exponential draw.
     *
     * @param rate the rate, positive
     * @return a value with mean {@code 1 / rate}
     */
    public double nextExponential(double rate) {
        return -Math.log(nextOpenDouble()) / rate;
    }

    /**
     * A gamma draw (Marsaglia and Tsang 2000; shape below 1 by the {@code U^(1/shape)} boost).
     *
     * @param shape the shape, positive
     * @param scale the scale, positive
     * @return a value with mean {@code shape * scale}
     */
    public double nextGamma(double shape, double scale) {
        if (shape < 1) {
            return nextGamma(shape + 1, scale) * Math.pow(nextOpenDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = nextGaussian();
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = nextOpenDouble();
            if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v * scale;
            }
        }
    }

    /**
     * A beta draw, from two gamma draws.
     *
     * @param a the first shape, positive
     * @param b the second shape, positive
     * @return a value in {@code (0, 1)} with mean {@code a / (a + b)}
     */
    public double nextBeta(double a, double b) {
        double x = nextGamma(a, 1);
        double y = nextGamma(b, 1);
        return x / (x + y);
    }
}
