package org.loyaltykpi.clv;

import java.util.List;
import java.util.Optional;

/**
 * A "buy till you die" model of the purchase and dropout processes of non-contractual customers: BG/NBD
 * ({@link BgNbdModel}), MBG/NBD ({@link MbgNbdModel}) or Pareto/NBD ({@link ParetoNbdModel}).
 *
 * <p>Every time ({@code t}, recency, T) is in the model's {@link #timeUnit()}: the unit of the summary it was fitted
 * to. A customer is described by the summary statistics {@code x} (repeat purchases), {@code t_x} (recency) and
 * {@code T} (age), see {@link BtydSummary}.
 *
 * <pre>{@code
 * TransactionModel m = BgNbdModel.fit(summary);
 * m.probabilityAlive(2, 30.43, 38.86);              // P(alive) of a customer
 * m.expectedPurchases(39, 2, 30.43, 38.86);         // expected purchases in the next 39 weeks
 * m.expectedPurchasesOfNewCustomer(39);             // E[X(39)] of a customer just acquired
 * }</pre>
 *
 * <p>Implementations are immutable and thread-safe.
 */
public sealed interface TransactionModel permits BgNbdModel, MbgNbdModel, ParetoNbdModel {

    /**
     * The model name of the command line and the JSON output.
     *
     * @return {@code bg-nbd}, {@code mbg-nbd} or {@code pareto-nbd}
     */
    String name();

    /**
     * The time unit of every time argument and result.
     *
     * @return the unit
     */
    TimeScale timeUnit();

    /**
     * The parameters in the papers' order, with standard errors when fitted.
     *
     * @return the parameters
     */
    List<Parameter> parameters();

    /**
     * How the model was fitted.
     *
     * @return the fit report, or empty for a model given by its parameters
     */
    Optional<ModelFit> fit();

    /**
     * The log-likelihood of one customer's summary.
     *
     * @param x repeat purchases
     * @param recency {@code t_x}
     * @param age {@code T}
     * @return the log-likelihood
     */
    double logLikelihood(int x, double recency, double age);

    /**
     * The log-likelihood of a summary: the sum over its customers.
     *
     * @param summary the summary, in this model's time unit
     * @return the log-likelihood
     * @throws IllegalArgumentException if the summary's time unit differs
     */
    double logLikelihood(BtydSummary summary);

    /**
     * The probability that a customer is still alive (has not dropped out) at the end of the calibration period.
     *
     * @param x repeat purchases
     * @param recency {@code t_x}
     * @param age {@code T}
     * @return a probability in [0, 1]
     */
    double probabilityAlive(int x, double recency, double age);

    /**
     * The expected number of purchases of a customer in the next {@code t} time units, given its history.
     *
     * @param t the horizon, {@code >= 0}
     * @param x repeat purchases
     * @param recency {@code t_x}
     * @param age {@code T}
     * @return {@code E[Y(t) | x, t_x, T]}
     */
    double expectedPurchases(double t, int x, double recency, double age);

    /**
     * The expected number of repeat purchases of a newly acquired customer in its first {@code t} time units.
     *
     * @param t the time since the first purchase, {@code >= 0}
     * @return {@code E[X(t)]}
     */
    double expectedPurchasesOfNewCustomer(double t);

    /**
     * The probability that a newly acquired customer makes exactly {@code n} repeat purchases in its first {@code t}
     * time units.
     *
     * @param n the number of purchases, {@code >= 0}
     * @param t the time since the first purchase, {@code >= 0}
     * @return {@code P(X(t) = n)}
     */
    double probabilityOfPurchases(int n, double t);

    /**
     * The probability that a customer with history {@code (x, t_x, T)} makes exactly {@code n} purchases in the next
     * {@code t} time units (lifetimes' {@code conditional_probability_of_n_purchases_up_to_time}; Fader and Hardie's
     * note 028 for Pareto/NBD). A customer alive at T behaves from then on like a newly acquired one whose parameters
     * are the posterior ones given its history, so
     *
     * <pre>
     * P(X(T, T+t) = n | x, t_x, T) = P(alive) P_post(X(t) = n) + (1 - P(alive)) [n = 0]
     * </pre>
     *
     * with {@code P_post} the new-customer probability at {@code (r+x, alpha+T, a, b+x+m)} (BG/NBD {@code m = 0},
     * MBG/NBD {@code m = 1}, counted from a purchase-free start: BG/NBD's form) or {@code (r+x, alpha+T, s, beta+T)}
     * (Pareto/NBD). Summed over {@code n} it is 1, and its mean is {@link #expectedPurchases(double, int, double,
     * double)}.
     *
     * @param n the number of purchases, {@code >= 0}
     * @param t the horizon, {@code >= 0}
     * @param x repeat purchases
     * @param recency {@code t_x}
     * @param age {@code T}
     * @return the probability
     */
    double probabilityOfPurchases(int n, double t, int x, double recency, double age);
}
