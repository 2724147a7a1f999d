package org.loyaltykpi.clv;

import java.util.Locale;
import java.util.OptionalDouble;

/**
 * A covariate's coefficient in a {@link CovariateModel}.
 *
 * @param process {@code purchase} or {@code dropout}
 * @param covariate the covariate's name
 * @param value the coefficient (0: no effect)
 * @param standardError its standard error from the fit's covariance, or empty
 */
public record Coefficient(String process, String covariate, double value, OptionalDouble standardError) {
    /** For example {@code purchase.age = 0.2100 (SE 0.0500)}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s.%s = %.4f", process, covariate, value)
                + (standardError.isPresent()
                        ? String.format(Locale.ROOT, " (SE %.4f)", standardError.getAsDouble())
                        : "");
    }
}
