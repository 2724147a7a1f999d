package org.loyaltykpi.clv;

import java.util.Objects;

/**
 * A customer with its prediction and its past repeat-purchase revenue ({@code frequency * monetary value} of the
 * calibration summary), as listed among the valuable customers at risk of {@link ClvOverview}.
 *
 * <pre>{@code
 * ClvOverview.compute(table, 52, 10).atRisk().get(0).pastRevenue();
 * }</pre>
 *
 * @param prediction the customer's prediction
 * @param pastRevenue the past repeat-purchase revenue, {@code >= 0}
 */
public record ValuableCustomer(CustomerPrediction prediction, double pastRevenue) {
    /** Validates the revenue. */
    public ValuableCustomer {
        Objects.requireNonNull(prediction, "prediction must not be null");
        if (!(pastRevenue >= 0) || Double.isInfinite(pastRevenue)) {
            throw new IllegalArgumentException("pastRevenue must be finite and >= 0, got " + pastRevenue);
        }
    }
}
