package org.loyaltykpi.clv;

import java.util.Optional;

/**
 * The MBG/NBD model (Batislam, Denizel and Filiztekin 2007, "Empirical validation and comparison of models for
 * customer base analysis", International Journal of Research in Marketing 24(3)): BG/NBD where a customer may also
 * drop out right after the first purchase. While alive, purchases at a Poisson rate {@code lambda ~ Gamma(r, alpha)};
 * after every purchase, the first included, dropout with probability {@code p ~ Beta(a, b)}.
 *
 * <p>Likelihood of a customer with summary {@code (x, t_x, T)}:
 *
 * <pre>
 * L = B(a, b+x+1)/B(a, b) * Gamma(r+x) alpha^r / (Gamma(r) (alpha+T)^(r+x))
 *   +   B(a+1, b+x)/B(a, b) * Gamma(r+x) alpha^r / (Gamma(r) (alpha+t_x)^(r+x))
 * </pre>
 *
 * evaluated in log space with analytic gradients over collapsed weighted rows. Predictions: {@code P(alive) = 1 / (1 +
 * a/(b+x) ((alpha+T)/(alpha+t_x))^(r+x))}, which, unlike BG/NBD, is below 1 for customers without repeat purchases and
 * falls with their age; {@code E[X(t)] = b/(a-1) [1 - (alpha/(alpha+t))^r 2F1(r, b+1; a+b; t/(alpha+t))]}; the
 * conditional expectation and {@code P(X(t) = n)} likewise.
 *
 * <pre>{@code
 * MbgNbdModel m = MbgNbdModel.fit(summary);
 * m.probabilityAlive(0, 0, 38.86);   // below 1, unlike BG/NBD
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class MbgNbdModel extends BetaGeometricNbd implements TransactionModel {
    /** The model name: {@code mbg-nbd}. */
    public static final String NAME = "mbg-nbd";

    private MbgNbdModel(double r, double alpha, double a, double b, TimeScale unit, Optional<ModelFit> fit) {
        super(r, alpha, a, b, 1, unit, fit);
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
    public static MbgNbdModel of(double r, double alpha, double a, double b, TimeScale unit) {
        return new MbgNbdModel(r, alpha, a, b, unit, Optional.empty());
    }

    /**
     * Fits the model by maximum likelihood with the default options.
     *
     * @param summary the calibration summary
     * @return the fitted model; {@link #fit()} says how it went
     * @throws ModelFitException if the summary is empty, has no repeat purchase, or gives no finite estimate
     */
    public static MbgNbdModel fit(BtydSummary summary) {
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
    public static MbgNbdModel fit(BtydSummary summary, FitOptions options) {
        MaximumLikelihood.Estimate e = estimate(NAME, 1, summary, options);
        double[] p = e.theta();
        return new MbgNbdModel(p[0], p[1], p[2], p[3], summary.timeUnit(), Optional.of(e.fit()));
    }

    @Override
    public String name() {
        return NAME;
    }
}
