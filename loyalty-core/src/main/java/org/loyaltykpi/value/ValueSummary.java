package org.loyaltykpi.value;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import org.loyaltykpi.internal.FirstRows;

/**
 * Everything {@code loyalty value} shows: CAC per period and overall, both lifetime values, LTV:CAC, the payback
 * period of every cohort with acquisition spend, and first-time against repeat revenue.
 *
 * <p>LTV:CAC = LTV / overall CAC, for each LTV form; empty when either is undefined or CAC is 0. A common rule of
 * thumb reads 3 or more as healthy; use the margin form (profit) for that comparison, since CAC is paid in money
 * that revenue alone does not give back.
 *
 * <pre>{@code
 * ValueSummary v = ValueCalculator.summarize(table, spends, ValueOptions.defaults().withGrossMargin(0.4));
 * v.marginLtvToCac();   // OptionalDouble[2.7]
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param options the options used
 * @param acquisitionCost CAC per period and overall
 * @param simpleLtv annual spend x expected years
 * @param marginLtv ARPU x margin / churn
 * @param payback one entry per acquisition cohort with acquisition spend, in time order
 * @param repeatRevenue first-time against repeat revenue and the AOV uplift
 */
public record ValueSummary(
        ValueOptions options,
        AcquisitionCost acquisitionCost,
        SimpleLtv simpleLtv,
        MarginLtv marginLtv,
        List<CohortPayback> payback,
        RepeatRevenue repeatRevenue) {

    /** Validates the parts. */
    public ValueSummary {
        Objects.requireNonNull(options, "options must not be null");
        Objects.requireNonNull(acquisitionCost, "acquisitionCost must not be null");
        Objects.requireNonNull(simpleLtv, "simpleLtv must not be null");
        Objects.requireNonNull(marginLtv, "marginLtv must not be null");
        payback = List.copyOf(payback);
        Objects.requireNonNull(repeatRevenue, "repeatRevenue must not be null");
    }

    /**
     * The simple LTV over the overall CAC.
     *
     * @return simple LTV / CAC; empty if either is undefined or CAC is 0
     */
    public OptionalDouble simpleLtvToCac() {
        return ValueMath.ratio(simpleLtv.value(), acquisitionCost.overall());
    }

    /**
     * The margin LTV over the overall CAC.
     *
     * @return margin LTV / CAC; empty if either is undefined or CAC is 0
     */
    public OptionalDouble marginLtvToCac() {
        return ValueMath.ratio(marginLtv.value(), acquisitionCost.overall());
    }

    @Override
    public String toString() {
        return "ValueSummary[options=" + options + ", acquisitionCost=" + acquisitionCost + ", simpleLtv=" + simpleLtv
                + ", marginLtv=" + marginLtv + ", payback=" + FirstRows.of(payback) + ", repeatRevenue=" + repeatRevenue
                + "]";
    }
}
