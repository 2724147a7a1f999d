package org.loyaltykpi.clv;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Prediction intervals of every customer and of the whole base, from parameters drawn from the fits' asymptotic
 * normal distributions ({@link ClvCalculator#predictIntervals}): they show how much the predictions move with the
 * estimation error of the parameters (not the randomness of the customers' own future purchases).
 *
 * <pre>{@code
 * PredictionIntervals pi = ClvCalculator.predictIntervals(bgNbd, Optional.of(gg), summary, clvOptions,
 *         IntervalOptions.of(0.9));
 * pi.customers().get(0).expectedPurchases();   // [0.61, 0.72]
 * pi.totalClv();                                // the whole base's CLV interval
 * }</pre>
 *
 * @param level the central probability of the intervals
 * @param draws the parameter draws used
 * @param rejectedDraws draws discarded because the model's expectations do not exist there (for example
 *     Gamma-Gamma's {@code q <= 1}), redrawn
 * @param customers one interval per customer, in summary order
 * @param totalExpectedPurchases the interval of the sum of the expected purchases over all customers
 * @param totalClv the interval of the sum of the CLV over all customers, empty without a spend model
 */
public record PredictionIntervals(
        double level,
        int draws,
        int rejectedDraws,
        List<CustomerPredictionInterval> customers,
        PredictionRange totalExpectedPurchases,
        Optional<PredictionRange> totalClv) {
    /** Copies the list. */
    public PredictionIntervals {
        customers = List.copyOf(customers);
    }

    /** One line: level, draws, customers and the whole base's intervals. */
    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "%.0f%% prediction intervals from %d parameter draws (%d rejected), %d customers: total expected"
                        + " purchases %s%s",
                level * 100,
                draws,
                rejectedDraws,
                customers.size(),
                totalExpectedPurchases,
                totalClv.map(c -> ", total CLV " + c).orElse(""));
    }
}
