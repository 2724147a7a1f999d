package org.loyaltykpi.clv;

import java.util.Locale;

/**
 * The expected purchases in the next {@code t} and the probability of being alive over a grid of frequency {@code x}
 * and recency {@code t_x}, for customers of one age {@code T}: lifetimes' {@code plot_frequency_recency_matrix} and
 * {@code plot_probability_alive_matrix}, as numbers (for heatmaps and tables).
 *
 * <p>Frequencies are {@code 0..maxFrequency}; recencies are {@code T k / steps} for {@code k = 0..steps}, so the last
 * column is a customer who bought at the very end. Each cell is one evaluation of the model.
 *
 * <pre>{@code
 * FrequencyRecencyMatrix m = FrequencyRecencyMatrix.of(bgNbd, 1, 20, 38.86, 38);
 * m.probabilityAlive(5, 38);     // x = 5, last purchase at T: about 1
 * m.expectedPurchases(5, 0);     // x = 5, last purchase at 0: a likely dead customer
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class FrequencyRecencyMatrix {
    private final String model;
    private final double horizon;
    private final double age;
    private final double[] recencies;
    private final double[][] expected;
    private final double[][] alive;

    private FrequencyRecencyMatrix(
            String model, double horizon, double age, double[] recencies, double[][] expected, double[][] alive) {
        this.model = model;
        this.horizon = horizon;
        this.age = age;
        this.recencies = recencies;
        this.expected = expected;
        this.alive = alive;
    }

    /**
     * Evaluates a model over the grid.
     *
     * @param model the purchase model
     * @param horizon {@code t}, the horizon of the expected purchases, {@code >= 0}, in the model's time unit
     * @param maxFrequency the largest frequency, {@code >= 0}
     * @param age the customers' age {@code T}, positive
     * @param steps the recency columns beyond the first, positive
     * @return the matrices
     * @throws IllegalArgumentException if an argument is out of range
     */
    public static FrequencyRecencyMatrix of(
            TransactionModel model, double horizon, int maxFrequency, double age, int steps) {
        ModelSupport.checkTime(horizon);
        if (maxFrequency < 0 || steps < 1 || !(age > 0) || Double.isInfinite(age)) {
            throw new IllegalArgumentException("need maxFrequency >= 0, steps >= 1 and a positive finite age:"
                    + " maxFrequency=" + maxFrequency + ", steps=" + steps + ", age=" + age);
        }
        double[] recencies = new double[steps + 1];
        for (int k = 0; k <= steps; k++) {
            recencies[k] = k == steps ? age : age * k / steps;
        }
        double[][] expected = new double[maxFrequency + 1][steps + 1];
        double[][] alive = new double[maxFrequency + 1][steps + 1];
        for (int x = 0; x <= maxFrequency; x++) {
            for (int k = 0; k <= steps; k++) {
                double p = model.probabilityAlive(x, recencies[k], age);
                alive[x][k] = p;
                expected[x][k] = ClvCalculator.givenAlive(model, horizon, x, age, p);
            }
        }
        return new FrequencyRecencyMatrix(model.name(), horizon, age, recencies, expected, alive);
    }

    /**
     * The horizon of the expected purchases.
     *
     * @return {@code t}
     */
    public double horizon() {
        return horizon;
    }

    /**
     * The customers' age.
     *
     * @return {@code T}
     */
    public double age() {
        return age;
    }

    /**
     * The largest frequency (the rows are {@code 0..maxFrequency}).
     *
     * @return the largest frequency
     */
    public int maxFrequency() {
        return expected.length - 1;
    }

    /**
     * The number of recency columns.
     *
     * @return {@code steps + 1}
     */
    public int columns() {
        return recencies.length;
    }

    /**
     * The recency of a column.
     *
     * @param column the column, {@code 0..columns()-1}
     * @return {@code T column / steps}
     */
    public double recency(int column) {
        return recencies[column];
    }

    /**
     * The expected purchases in the next {@code t} of a customer with frequency {@code x} and the column's recency.
     *
     * @param x the frequency
     * @param column the recency column
     * @return {@code E[Y(t) | x, t_x, T]}
     */
    public double expectedPurchases(int x, int column) {
        return expected[x][column];
    }

    /**
     * The probability of being alive of a customer with frequency {@code x} and the column's recency.
     *
     * @param x the frequency
     * @param column the recency column
     * @return {@code P(alive | x, t_x, T)}
     */
    public double probabilityAlive(int x, int column) {
        return alive[x][column];
    }

    /**
     * Whether a customer can have this cell's history: no repeat purchase only with recency 0, and a repeat purchase
     * only with a positive recency. The model gives every cell a value; a report may leave the impossible ones out.
     *
     * @param x the frequency
     * @param column the recency column
     * @return {@code x == 0 ? recency == 0 : recency > 0}
     */
    public boolean possible(int x, int column) {
        return x == 0 ? recencies[column] == 0 : recencies[column] > 0;
    }

    /** A header line and the P(alive) matrix, frequencies down, recencies across. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(String.format(
                Locale.ROOT,
                "%s P(alive) and E[Y(%.4g)] over frequency 0..%d and recency 0..%.4g at T = %.4g%nP(alive):",
                model,
                horizon,
                maxFrequency(),
                age,
                age));
        for (double[] row : alive) {
            s.append('\n');
            for (double v : row) {
                s.append(String.format(Locale.ROOT, " %.3f", v));
            }
        }
        return s.toString();
    }
}
