package org.loyaltykpi.clv;

import java.util.Arrays;
import java.util.Locale;

/**
 * A customer's probability of being alive over its history, step by step from its first purchase (lifetimes'
 * {@code calculate_alive_path}): at time {@code s} after the first purchase, with {@code x(s)} the repeat purchases up
 * to {@code s} and {@code t_x(s)} the time of the last of them, the value is {@code P(alive | x(s), t_x(s), s)}. It
 * jumps up at each purchase and decays in between.
 *
 * <pre>{@code
 * AlivePath path = AlivePath.of(bgNbd, new double[] {0, 3, 10}, 30, 1);   // purchases at weeks 0, 3 and 10
 * path.probability(path.size() - 1);      // P(alive) at week 30
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class AlivePath {
    private final double[] times;
    private final double[] probabilities;

    private AlivePath(double[] times, double[] probabilities) {
        this.times = times;
        this.probabilities = probabilities;
    }

    /**
     * The path of a customer.
     *
     * @param model the purchase model
     * @param purchaseTimes the customer's purchase times in the model's time unit, the first purchase first (times are
     *     measured from any origin; equal times count as one purchase, as the summary counts purchase days)
     * @param until the last time of the path, {@code >=} the first purchase
     * @param step the step between points, positive
     * @return the points {@code first, first + step, ...} up to {@code until}, and {@code until} itself
     * @throws IllegalArgumentException if there is no purchase, the times are not finite and ascending, or the step is
     *     not positive
     */
    public static AlivePath of(TransactionModel model, double[] purchaseTimes, double until, double step) {
        if (purchaseTimes.length == 0) {
            throw new IllegalArgumentException("a P(alive) path needs at least the first purchase");
        }
        for (int i = 0; i < purchaseTimes.length; i++) {
            if (!Double.isFinite(purchaseTimes[i]) || (i > 0 && purchaseTimes[i] < purchaseTimes[i - 1])) {
                throw new IllegalArgumentException(
                        "purchase times must be finite and ascending: " + Arrays.toString(purchaseTimes));
            }
        }
        double first = purchaseTimes[0];
        if (!(until >= first) || Double.isInfinite(until) || !(step > 0) || Double.isInfinite(step)) {
            throw new IllegalArgumentException("need until >= the first purchase (" + first + ") and a positive step:"
                    + " until=" + until + ", step=" + step);
        }
        long points = (long) Math.floor((until - first) / step) + 1;
        boolean lastExtra = first + (points - 1) * step < until;
        int n = Math.toIntExact(points + (lastExtra ? 1 : 0));
        double[] times = new double[n];
        double[] probabilities = new double[n];
        int next = 1;
        int x = 0;
        double last = first;
        for (int k = 0; k < n; k++) {
            double s = k == n - 1 && lastExtra ? until : first + k * step;
            while (next < purchaseTimes.length && purchaseTimes[next] <= s) {
                if (purchaseTimes[next] > last) {
                    x++;
                    last = purchaseTimes[next];
                }
                next++;
            }
            times[k] = s - first;
            probabilities[k] = model.probabilityAlive(x, last - first, s - first);
        }
        return new AlivePath(times, probabilities);
    }

    /**
     * The number of points.
     *
     * @return the size
     */
    public int size() {
        return times.length;
    }

    /**
     * The time of a point since the first purchase.
     *
     * @param i the point
     * @return the time, in the model's time unit
     */
    public double time(int i) {
        return times[i];
    }

    /**
     * P(alive) at a point.
     *
     * @param i the point
     * @return the probability
     */
    public double probability(int i) {
        return probabilities[i];
    }

    /** For example {@code P(alive) path of 31 points: 1.000 at 0, ..., 0.412 at 30}. */
    @Override
    public String toString() {
        int last = times.length - 1;
        return String.format(
                Locale.ROOT,
                "P(alive) path of %d points: %.3f at %.4g, ..., %.3f at %.4g",
                times.length,
                probabilities[0],
                times[0],
                probabilities[last],
                times[last]);
    }
}
