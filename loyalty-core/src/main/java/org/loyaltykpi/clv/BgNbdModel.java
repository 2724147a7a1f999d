package org.loyaltykpi.clv;

import java.util.Optional;

/**
 * The BG/NBD model (Fader, Hardie and Lee 2005, "Counting your customers the easy way: an alternative to the
 * Pareto/NBD model", Marketing Science 24(2)): while alive, a customer buys at a Poisson rate {@code lambda ~
 * Gamma(r, alpha)}; after each repeat purchase it drops out with probability {@code p ~ Beta(a, b)}.
 *
 * <p>Likelihood of a customer with summary {@code (x, t_x, T)} (their eq. 6), with {@code delta = [x > 0]}:
 *
 * <pre>
 * L = B(a, b+x)/B(a, b) * Gamma(r+x) alpha^r / (Gamma(r) (alpha+T)^(r+x))
 *   + delta * B(a+1, b+x-1)/B(a, b) * Gamma(r+x) alpha^r / (Gamma(r) (alpha+t_x)^(r+x))
 * </pre>
 *
 * evaluated in log space ({@code log1p(exp(.))} for the sum) with analytic gradients, over identical customers
 * collapsed into weighted rows. Predictions: {@code P(alive) = 1 / (1 + delta a/(b+x-1) ((alpha+T)/(alpha+t_x))^(r+x))}
 * (eq. 11); {@code E[X(t)]} (eq. 9) and {@code E[Y(t) | x, t_x, T]} (eq. 10) through the Gauss hypergeometric
 * function; {@code P(X(t) = n)} (eq. 8).
 *
 * <p><b>A known property of the model:</b> a customer with no repeat purchase ({@code x = 0}) has {@code P(alive) = 1}
 * whatever its age, because in BG/NBD dropout can only happen right after a repeat purchase. Use {@link MbgNbdModel},
 * which lets customers drop out right after the first purchase too, when that matters.
 *
 * <p>Fader, Hardie and Lee report, on the 2,357 CDNOW sample customers in weeks (calibration end 1997-09-30),
 * {@code r = 0.243, alpha = 4.414, a = 0.793, b = 2.426}, log-likelihood -9582.4; this class reproduces them.
 *
 * <pre>{@code
 * BgNbdModel m = BgNbdModel.fit(BtydSummary.of(table, LocalDate.parse("1997-09-30"), TimeScale.WEEKS));
 * m.fit().orElseThrow().logLikelihood();   // -9582.43
 * m.probabilityAlive(2, 30.43, 38.86);     // 0.73...
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class BgNbdModel extends BetaGeometricNbd implements TransactionModel {
    /** The model name: {@code bg-nbd}. */
    public static final String NAME = "bg-nbd";

    private BgNbdModel(double r, double alpha, double a, double b, TimeScale unit, Optional<ModelFit> fit) {
        super(r, alpha, a, b, 0, unit, fit);
    }

    /**
     * A model with given parameters.
     *
     * @param r shape of the purchase-rate gamma, positive
     * @param alpha its scale (in the time unit), positive
     * @param a first shape of the dropout-probability beta, positive
     * @param b its second shape, positive
     * @param unit the time unit
     * @return the model
     */
    public static BgNbdModel of(double r, double alpha, double a, double b, TimeScale unit) {
        return new BgNbdModel(r, alpha, a, b, unit, Optional.empty());
    }

    /**
     * Fits the model by maximum likelihood with the default options.
     *
     * @param summary the calibration summary
     * @return the fitted model; {@link #fit()} says how it went
     * @throws ModelFitException if the summary is empty, has no repeat purchase, or gives no finite estimate
     */
    public static BgNbdModel fit(BtydSummary summary) {
        return fit(summary, FitOptions.defaults());
    }

    /**
     * Fits the model by maximum likelihood.
     *
     * @param summary the calibration summary
     * @param options the options (penalizer, iterations)
     * @return the fitted model
     * @throws ModelFitException if the summary is empty, has no repeat purchase, or gives no finite estimate
     */
    public static BgNbdModel fit(BtydSummary summary, FitOptions options) {
        MaximumLikelihood.Estimate e = estimate(NAME, 0, summary, options);
        double[] p = e.theta();
        return new BgNbdModel(p[0], p[1], p[2], p[3], summary.timeUnit(), Optional.of(e.fit()));
    }

    @Override
    public String name() {
        return NAME;
    }
}
