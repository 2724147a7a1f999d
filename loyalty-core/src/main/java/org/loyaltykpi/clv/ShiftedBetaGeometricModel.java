package org.loyaltykpi.clv;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.numbers.gamma.LogBeta;

/**
 * The shifted-beta-geometric (sBG) model of contractual retention (Fader and Hardie 2007, "How to project customer
 * retention", Journal of Interactive Marketing 21(1)): each customer renews each period with its own probability
 * {@code 1 - theta}, {@code theta ~ Beta(alpha, beta)} across customers, so the cohort's retention rate rises over
 * time as the customers likely to churn leave first.
 *
 * <ul>
 *   <li>{@code P(T = t) = B(alpha+1, beta+t-1) / B(alpha, beta)}: the probability of churning at period {@code t >= 1}
 *       (computed by the recursion {@code P(1) = alpha/(alpha+beta)}, {@code P(t) = P(t-1) (beta+t-2)/(alpha+beta+t-1)});
 *   <li>{@code S(t) = B(alpha, beta+t) / B(alpha, beta)}: the probability of surviving {@code t} periods;
 *   <li>{@code r(t) = S(t)/S(t-1) = (beta+t-1)/(alpha+beta+t-1)}: the retention rate of period {@code t}.
 * </ul>
 *
 * <p>Fitted by maximum likelihood from the counts of survivors of one cohort at the start and after each period:
 * {@code LL = sum_t (n_{t-1} - n_t) ln P(T = t) + n_last ln S(last)}. The periods are the contract periods (years,
 * months); the model has no other time unit.
 *
 * <p>Fader and Hardie's two cohorts (survivors out of 1000 over 7 years): "regular" 1000, 631, 468, 382, 326, 289,
 * 262, 241 gives {@code alpha = 0.704, beta = 1.182}; "high end" 1000, 869, 743, 653, 593, 551, 517, 491 gives {@code
 * alpha = 0.668, beta = 3.806}; this class reproduces both.
 *
 * <pre>{@code
 * ShiftedBetaGeometricModel m = ShiftedBetaGeometricModel.fit(1000, 631, 468, 382, 326, 289, 262, 241);
 * m.survival(12);           // projected share still a customer after 12 years
 * m.retentionRate(8);       // the retention rate of year 8
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class ShiftedBetaGeometricModel {
    /** The model name: {@code sbg}. */
    public static final String NAME = "sbg";

    private static final String[] NAMES = {"alpha", "beta"};

    private final double alpha;
    private final double beta;
    private final Optional<ModelFit> fit;

    private ShiftedBetaGeometricModel(double alpha, double beta, Optional<ModelFit> fit) {
        this.alpha = ModelSupport.positive("alpha", alpha);
        this.beta = ModelSupport.positive("beta", beta);
        this.fit = fit;
    }

    /**
     * A model with given parameters.
     *
     * @param alpha first shape of the churn-probability beta, positive
     * @param beta second shape, positive
     * @return the model
     */
    public static ShiftedBetaGeometricModel of(double alpha, double beta) {
        return new ShiftedBetaGeometricModel(alpha, beta, Optional.empty());
    }

    /**
     * Fits the model to a cohort's survivor counts with the default options.
     *
     * @param survivors customers at the start (first) and still active after each period, non-increasing, at least
     *     two counts, the first positive
     * @return the fitted model
     * @throws IllegalArgumentException if the counts are not a valid survivor curve
     * @throws ModelFitException if nobody churned or everybody churned in the first period (no finite estimate)
     */
    public static ShiftedBetaGeometricModel fit(long... survivors) {
        return fit(FitOptions.defaults(), survivors);
    }

    /**
     * Fits the model to a cohort's survivor counts.
     *
     * @param options the options
     * @param survivors customers at the start and after each period
     * @return the fitted model
     * @throws IllegalArgumentException if the counts are not a valid survivor curve
     * @throws ModelFitException if the counts give no finite estimate
     */
    public static ShiftedBetaGeometricModel fit(FitOptions options, long... survivors) {
        checkSurvivors(survivors);
        long n = survivors.length - 1;
        if (survivors[survivors.length - 1] == survivors[0]) {
            throw new ModelFitException(NAME + ": nobody churned in " + n + " period(s), so the churn distribution"
                    + " cannot be estimated (its maximum is at the edge); add periods or use a penalizer");
        }
        if (survivors[1] == 0) {
            throw new ModelFitException(NAME + ": everybody churned in the first period, so the churn distribution"
                    + " cannot be estimated (its maximum is at the edge)");
        }
        long[] counts = survivors.clone();
        MaximumLikelihood.Problem problem = new MaximumLikelihood.Problem(
                NAME,
                Optional.empty(),
                counts[0],
                counts[0],
                List.of(NAMES),
                (theta, gradient) -> logLikelihood(theta[0], theta[1], counts),
                false);
        MaximumLikelihood.Estimate e = MaximumLikelihood.fit(problem, new double[] {1, 1}, options, List.of());
        return new ShiftedBetaGeometricModel(e.theta()[0], e.theta()[1], Optional.of(e.fit()));
    }

    private static void checkSurvivors(long[] survivors) {
        if (survivors.length < 2 || survivors[0] <= 0) {
            throw new IllegalArgumentException("need the cohort size (positive) and at least one period's survivors: "
                    + java.util.Arrays.toString(survivors));
        }
        for (int t = 1; t < survivors.length; t++) {
            if (survivors[t] < 0 || survivors[t] > survivors[t - 1]) {
                throw new IllegalArgumentException("survivors must be non-negative and non-increasing: period " + t
                        + " has " + survivors[t] + " after " + survivors[t - 1]);
            }
        }
    }

    private static double logLikelihood(double alpha, double beta, long[] survivors) {
        double ll = 0;
        double churn = alpha / (alpha + beta);
        double survival = 1;
        for (int t = 1; t < survivors.length; t++) {
            if (t > 1) {
                churn *= (beta + t - 2) / (alpha + beta + t - 1);
            }
            survival -= churn;
            long lost = survivors[t - 1] - survivors[t];
            if (lost > 0) {
                ll += lost * Math.log(churn);
            }
        }
        long last = survivors[survivors.length - 1];
        // ln S(n) from the beta functions: the running 1 - sum of P(t) loses precision when S(n) is small.
        int n = survivors.length - 1;
        return last > 0 ? ll + last * (LogBeta.value(alpha, beta + n) - LogBeta.value(alpha, beta)) : ll;
    }

    /**
     * The log-likelihood of a cohort's survivor counts under this model.
     *
     * @param survivors customers at the start and after each period
     * @return the log-likelihood
     */
    public double logLikelihood(long... survivors) {
        checkSurvivors(survivors);
        return logLikelihood(alpha, beta, survivors);
    }

    /**
     * The first shape of the churn-probability beta.
     *
     * @return {@code alpha}
     */
    public double alpha() {
        return alpha;
    }

    /**
     * The second shape of the churn-probability beta.
     *
     * @return {@code beta}
     */
    public double beta() {
        return beta;
    }

    /**
     * The parameters, with standard errors when fitted.
     *
     * @return {@code alpha, beta}
     */
    public List<Parameter> parameters() {
        return ModelSupport.parameters(fit, NAMES, new double[] {alpha, beta});
    }

    /**
     * How the model was fitted.
     *
     * @return the fit report, or empty for a model given by its parameters
     */
    public Optional<ModelFit> fit() {
        return fit;
    }

    /**
     * The probability of churning in period {@code t}.
     *
     * @param t the period, {@code >= 1}
     * @return {@code P(T = t) = B(alpha+1, beta+t-1) / B(alpha, beta)}
     */
    public double churnProbability(int t) {
        checkPeriod(t, 1);
        return Math.exp(LogBeta.value(alpha + 1, beta + t - 1) - LogBeta.value(alpha, beta));
    }

    /**
     * The probability of still being a customer after {@code t} periods.
     *
     * @param t the periods, {@code >= 0}
     * @return {@code S(t) = B(alpha, beta+t) / B(alpha, beta)}, 1 at {@code t = 0}
     */
    public double survival(int t) {
        checkPeriod(t, 0);
        return t == 0 ? 1 : Math.exp(LogBeta.value(alpha, beta + t) - LogBeta.value(alpha, beta));
    }

    /**
     * The retention rate of period {@code t}: the share of the customers at its start who renew.
     *
     * @param t the period, {@code >= 1}
     * @return {@code (beta+t-1) / (alpha+beta+t-1)}, increasing in {@code t}
     */
    public double retentionRate(int t) {
        checkPeriod(t, 1);
        return (beta + t - 1) / (alpha + beta + t - 1);
    }

    /**
     * The expected survivors of a cohort after {@code t} periods.
     *
     * @param cohortSize the customers at the start, {@code >= 0}
     * @param t the periods, {@code >= 0}
     * @return {@code cohortSize * S(t)}
     */
    public double expectedSurvivors(long cohortSize, int t) {
        if (cohortSize < 0) {
            throw new IllegalArgumentException("cohortSize must be >= 0: " + cohortSize);
        }
        return cohortSize * survival(t);
    }

    private static void checkPeriod(int t, int min) {
        if (t < min) {
            throw new IllegalArgumentException("period must be >= " + min + ": " + t);
        }
    }

    /** For example {@code ShiftedBetaGeometricModel[alpha=0.704, beta=1.182]}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "ShiftedBetaGeometricModel[alpha=%.6g, beta=%.6g]", alpha, beta);
    }
}
