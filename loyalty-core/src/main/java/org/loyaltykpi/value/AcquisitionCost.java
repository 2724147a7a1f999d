package org.loyaltykpi.value;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import org.loyaltykpi.internal.FirstRows;
import org.loyaltykpi.internal.Money;

/**
 * Customer acquisition cost per period and overall.
 *
 * <p>{@link #periods()} lists every period with acquisition spend ({@link PeriodCac}: spend / new customers). The
 * overall CAC is {@code total acquisition spend / new customers of those periods}, the spend-weighted view: periods
 * without spend do not dilute it. Retention and other spend never enter CAC; their total is kept in {@link
 * #otherSpend()} for reports.
 *
 * <pre>{@code
 * AcquisitionCost cost = ValueCalculator.acquisitionCost(matrix, spends, ValueOptions.defaults());
 * cost.overall();          // OptionalDouble[28.7]
 * cost.periods().get(0);   // PeriodCac[period=2023-01-01/2023-02-01, acquisitionSpend=1320.00, newCustomers=44]
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param periods the periods with acquisition spend, in time order
 * @param otherSpend the retention and other spend, summed over all given spends
 */
public record AcquisitionCost(List<PeriodCac> periods, BigDecimal otherSpend) {

    /** Validates the parts. */
    public AcquisitionCost {
        periods = List.copyOf(periods);
        Objects.requireNonNull(otherSpend, "otherSpend must not be null");
    }

    /**
     * The total acquisition spend.
     *
     * @return the sum over the periods, exact
     */
    public BigDecimal acquisitionSpend() {
        return periods.stream().map(PeriodCac::acquisitionSpend).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * The new customers of the periods with acquisition spend.
     *
     * @return their sum
     */
    public long newCustomers() {
        return periods.stream().mapToLong(PeriodCac::newCustomers).sum();
    }

    /**
     * The overall CAC.
     *
     * @return total acquisition spend / new customers of the periods with spend; empty when there are none
     */
    public OptionalDouble overall() {
        return Money.mean(acquisitionSpend(), newCustomers());
    }

    @Override
    public String toString() {
        return "AcquisitionCost[overall=" + overall() + ", acquisitionSpend="
                + acquisitionSpend().toPlainString()
                + ", newCustomers=" + newCustomers() + ", otherSpend=" + otherSpend.toPlainString() + ", periods="
                + FirstRows.of(periods) + "]";
    }
}
