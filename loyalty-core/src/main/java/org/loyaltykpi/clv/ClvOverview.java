package org.loyaltykpi.clv;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.stream.IntStream;
import org.loyaltykpi.domain.PurchaseTable;
import org.loyaltykpi.internal.ParallelScans;

/**
 * Customer lifetime value: the better purchase model of a {@link ModelComparison} of BG/NBD and MBG/NBD (fitted in
 * weeks on every purchase up to the last day, the calibration end; there is no holdout period here, so the one with
 * the lower BIC among the fits that converged, the trustworthy one first; Pareto/NBD is left out: its fit costs about
 * twenty times BG/NBD's, more than a report's time budget carries) and Gamma-Gamma, expected
 * purchases and CLV (revenue, undiscounted) over the horizon, the P(alive) distribution, the customers with the highest
 * CLV, the valuable customers at risk (the top quarter by past repeat revenue with P(alive) below 0.5) and lifetimes'
 * frequency/recency matrices for the oldest customer's age. {@link #modelChoice()} says which model and why; {@link
 * #trustworthy()} whether both fits converged without a warning (when not, the fits' warnings say why, and a reader
 * must not take the forecasts as sound).
 *
 * <p>Only these aggregates are kept, not the prediction of every customer: the heap stays that of the input. The
 * predictions run on every core; without discounting the CLV over the horizon is {@code zbar * E[Y(horizon)]} (the
 * per-period increments telescope), one model evaluation per customer instead of one per period.
 *
 * <pre>{@code
 * ClvOverview o = ClvOverview.compute(table, 52, 10);
 * o.alive();   // AliveDistribution[0.0-0.2: 120, ...]
 * }</pre>
 *
 * @param calibrationEnd the last day of the calibration period
 * @param horizonWeeks the horizon, in weeks
 * @param purchases the fitted purchase model, the best of the comparison
 * @param modelChoice why that model: the comparison's criterion and every candidate's figure
 * @param spend the fitted spend model
 * @param customers the customers predicted
 * @param expectedPurchases the expected purchases of every customer over the horizon, summed
 * @param expectedValue the CLV of every customer over the horizon, summed
 * @param alive the P(alive) distribution
 * @param top the customers with the highest CLV, highest first
 * @param atRisk the valuable customers at risk, highest past revenue first
 * @param matrix expected purchases over the horizon and P(alive) by frequency {@code 0..20} and recency in 13 steps, at
 *     the oldest customer's age; empty when every customer's age is 0 (all first purchases on the last day)
 */
public record ClvOverview(
        LocalDate calibrationEnd,
        double horizonWeeks,
        TransactionModel purchases,
        String modelChoice,
        GammaGammaModel spend,
        long customers,
        double expectedPurchases,
        double expectedValue,
        AliveDistribution alive,
        List<CustomerPrediction> top,
        List<ValuableCustomer> atRisk,
        Optional<FrequencyRecencyMatrix> matrix) {

    /** Validates the parts. */
    public ClvOverview {
        Objects.requireNonNull(calibrationEnd, "calibrationEnd must not be null");
        Objects.requireNonNull(purchases, "purchases must not be null");
        Objects.requireNonNull(modelChoice, "modelChoice must not be null");
        Objects.requireNonNull(spend, "spend must not be null");
        Objects.requireNonNull(alive, "alive must not be null");
        Objects.requireNonNull(matrix, "matrix must not be null");
        top = List.copyOf(top);
        atRisk = List.copyOf(atRisk);
    }

    /** The largest frequency of {@link #matrix()}. */
    public static final int MATRIX_FREQUENCIES = 20;

    /** The recency steps of {@link #matrix()} (its columns are one more). */
    public static final int MATRIX_STEPS = 13;

    /**
     * Whether the forecasts can be trusted: both the purchase model's and the spend model's fits converged without a
     * warning ({@link ModelFit#trustworthy()}); their {@link ModelFit#warnings()} say what is wrong when not.
     *
     * @return true when both fits are trustworthy
     */
    public boolean trustworthy() {
        return purchases.fit().map(ModelFit::trustworthy).orElse(false)
                && spend.fit().map(ModelFit::trustworthy).orElse(false);
    }

    /** The share of customers counted as valuable (by past repeat revenue). */
    public static final double VALUABLE_SHARE = 0.25;

    /** The P(alive) under which a valuable customer is at risk. */
    public static final double AT_RISK_BELOW = 0.5;

    /**
     * Fits BG/NBD, MBG/NBD and Gamma-Gamma (non-positive spend excluded) in weeks on every purchase up to the table's
     * last day, takes the purchase model with the lower BIC (see {@link ModelComparison}) and predicts
     * every customer over the horizon.
     *
     * @param table the purchases, not empty
     * @param horizonWeeks the horizon, in weeks, {@code > 0}
     * @param listed how many customers the top and at-risk lists hold
     * @return the overview
     * @throws ModelFitException if no purchase model converges or Gamma-Gamma cannot be fitted
     * @throws IllegalArgumentException if the table is empty
     */
    public static ClvOverview compute(PurchaseTable table, double horizonWeeks, int listed) {
        if (table.isEmpty()) {
            throw new IllegalArgumentException("no purchases");
        }
        LocalDate end = LocalDate.ofEpochDay(table.maxEpochDay());
        BtydSummary summary = BtydSummary.of(table, end, TimeScale.WEEKS);
        // the spend model is independent of the purchase models: fitted beside them
        java.util.concurrent.CompletableFuture<GammaGammaModel> spendFit = ParallelScans.async(
                () -> GammaGammaModel.fit(summary, FitOptions.defaults(), GammaGammaModel.NonPositiveSpend.EXCLUDE));
        ModelComparison comparison = ModelComparison.compare(
                summary, java.util.Optional.empty(), FitOptions.defaults(), List.of(BgNbdModel.NAME, MbgNbdModel.NAME));
        TransactionModel purchases = comparison
                .bestModel()
                .orElseThrow(() -> new ModelFitException("no purchase model converged: "
                        + comparison.candidates().stream()
                                .map(c -> c.name() + ": " + c.failure().orElse("not converged"))
                                .toList()));
        GammaGammaModel spend = ParallelScans.join(spendFit);
        int n = summary.size();
        double[] alive = new double[n];
        double[] expected = new double[n];
        double[] perPurchase = new double[n];
        IntStream.range(0, n).parallel().forEach(i -> {
            int x = summary.frequency(i);
            double tx = summary.recency(i);
            double t = summary.age(i);
            alive[i] = purchases.probabilityAlive(x, tx, t);
            expected[i] = purchases.expectedPurchases(horizonWeeks, x, tx, t);
            perPurchase[i] = spend.expectedAverageSpend(x, summary.monetaryValue(i));
        });
        double expectedPurchases = 0;
        double expectedValue = 0;
        for (int i = 0; i < n; i++) {
            expectedPurchases += expected[i];
            expectedValue += perPurchase[i] * expected[i];
        }
        // top by CLV: a heap of the best `listed`, ties by summary order
        PriorityQueue<Integer> best = new PriorityQueue<>((a, b) -> {
            int c = Double.compare(perPurchase[a] * expected[a], perPurchase[b] * expected[b]);
            return c != 0 ? c : Integer.compare(b, a);
        });
        for (int i = 0; i < n; i++) {
            // a customer below the least of a full heap would be polled again at once: not boxed and added
            if (best.size() == listed && (listed == 0 || best.comparator().compare(i, best.peek()) < 0)) {
                continue;
            }
            best.add(i);
            if (best.size() > listed) {
                best.poll();
            }
        }
        List<CustomerPrediction> top = new java.util.ArrayList<>();
        while (!best.isEmpty()) {
            top.add(0, prediction(summary, best.poll(), alive, expected, perPurchase));
        }
        double oldest = 0;
        for (int i = 0; i < n; i++) {
            oldest = Math.max(oldest, summary.age(i));
        }
        Optional<FrequencyRecencyMatrix> matrix = oldest > 0
                ? Optional.of(
                        FrequencyRecencyMatrix.of(purchases, horizonWeeks, MATRIX_FREQUENCIES, oldest, MATRIX_STEPS))
                : Optional.empty();
        return new ClvOverview(
                end,
                horizonWeeks,
                purchases,
                comparison.reason(),
                spend,
                n,
                expectedPurchases,
                expectedValue,
                AliveDistribution.of(alive, AliveDistribution.QUINTILE_EDGES),
                top,
                atRisk(summary, alive, expected, perPurchase, listed),
                matrix);
    }

    private static CustomerPrediction prediction(
            BtydSummary summary, int i, double[] alive, double[] expected, double[] perPurchase) {
        return new CustomerPrediction(
                summary.customer(i),
                alive[i],
                expected[i],
                java.util.OptionalDouble.of(perPurchase[i]),
                java.util.OptionalDouble.of(perPurchase[i] * expected[i]));
    }

    /**
     * The valuable customers at risk: in the order "past revenue descending, then summary order", the customers among
     * the first quarter with revenue above 0 and P(alive) below 0.5, at most {@code listed}. Found without sorting
     * every customer: the best candidates first, then each candidate's rank among all customers.
     */
    private static List<ValuableCustomer> atRisk(
            BtydSummary summary, double[] alive, double[] expected, double[] perPurchase, int listed) {
        int n = summary.size();
        double[] revenue = new double[n];
        for (int i = 0; i < n; i++) {
            revenue[i] = summary.frequency(i) * summary.monetaryValue(i);
        }
        java.util.Comparator<Integer> order = (a, b) -> {
            int c = Double.compare(revenue[b], revenue[a]);
            return c != 0 ? c : Integer.compare(a, b);
        };
        PriorityQueue<Integer> candidates = new PriorityQueue<>(order.reversed());
        for (int i = 0; i < n; i++) {
            if (revenue[i] > 0
                    && alive[i] < AT_RISK_BELOW
                    && (candidates.size() < listed
                            || (listed > 0 && candidates.comparator().compare(i, candidates.peek()) > 0))) {
                candidates.add(i);
                if (candidates.size() > listed) {
                    candidates.poll();
                }
            }
        }
        List<Integer> sorted = new java.util.ArrayList<>(candidates);
        sorted.sort(order);
        long valuable = (long) Math.ceil(VALUABLE_SHARE * n);
        List<ValuableCustomer> out = new java.util.ArrayList<>();
        for (int c : sorted) {
            long rank = 0;
            for (int i = 0; i < n; i++) {
                if (revenue[i] > revenue[c] || (revenue[i] == revenue[c] && i < c)) {
                    rank++;
                }
            }
            if (rank >= valuable) {
                break;
            }
            out.add(new ValuableCustomer(prediction(summary, c, alive, expected, perPurchase), revenue[c]));
        }
        return out;
    }

    @Override
    public String toString() {
        return "ClvOverview[calibration end " + calibrationEnd + ", " + customers + " customers, expected purchases "
                + String.format(java.util.Locale.ROOT, "%.1f", expectedPurchases) + " in " + horizonWeeks
                + " weeks, " + alive + ", " + atRisk.size() + " valuable at risk"
                + (trustworthy() ? "" : ", NOT TRUSTWORTHY: the fits carry warnings") + "]";
    }
}
