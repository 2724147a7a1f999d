package org.loyaltykpi.clv;

import java.util.OptionalDouble;

/**
 * A named model parameter with its standard error.
 *
 * <p>The standard error comes from the inverse of the observed information (the Hessian of the negative
 * log-likelihood at the estimate, by the delta method from the log-parameters the fit works on). It is empty for a
 * model given by its parameters rather than fitted, and when the Hessian is not positive definite (the estimate is
 * at the edge of what the data identify).
 *
 * @param name the parameter's name in the papers' notation ({@code r}, {@code alpha}, ...)
 * @param value the value, positive
 * @param standardError the standard error, or empty
 */
public record Parameter(String name, double value, OptionalDouble standardError) {
    /** Validates: a name, a positive finite value, a non-negative standard error. */
    public Parameter {
        if (name.isBlank()) {
            throw new IllegalArgumentException("parameter name must not be blank");
        }
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("parameter " + name + " must be positive and finite: " + value);
        }
        if (standardError.isPresent() && !(standardError.getAsDouble() >= 0)) {
            throw new IllegalArgumentException(
                    "standard error of " + name + " must be >= 0: " + standardError.getAsDouble());
        }
    }

    /** For example {@code r = 0.2426 (SE 0.0126)}. */
    @Override
    public String toString() {
        return name + " = " + String.format(java.util.Locale.ROOT, "%.6g", value)
                + (standardError.isPresent()
                        ? String.format(java.util.Locale.ROOT, " (SE %.4g)", standardError.getAsDouble())
                        : "");
    }
}
