package org.loyaltykpi.clv;

/**
 * The horizon, margin and discount rate of a customer-lifetime-value calculation, in explicit units.
 *
 * <pre>{@code
 * new ClvOptions(12, TimeScale.MONTHS, 0.3, 0.01);   // 12 months, 30% margin, 1% discount per month
 * }</pre>
 *
 * @param horizon the horizon in {@code unit}s, {@code >= 0} (fractional allowed: the last period is partial)
 * @param unit the unit of the horizon and of the discount period
 * @param margin the profit margin on revenue, in {@code [0, 1]} (1 gives revenue)
 * @param discountRate the discount rate per {@code unit}, {@code >= 0}
 */
public record ClvOptions(double horizon, TimeScale unit, double margin, double discountRate) {
    /** Validates, naming the field and the value. */
    public ClvOptions {
        if (!(horizon >= 0) || Double.isInfinite(horizon)) {
            throw new IllegalArgumentException("horizon must be finite and >= 0: " + horizon);
        }
        if (!(margin >= 0 && margin <= 1)) {
            throw new IllegalArgumentException("margin must be in [0, 1]: " + margin);
        }
        if (!(discountRate >= 0) || Double.isInfinite(discountRate)) {
            throw new IllegalArgumentException("discountRate must be finite and >= 0: " + discountRate);
        }
    }
}
