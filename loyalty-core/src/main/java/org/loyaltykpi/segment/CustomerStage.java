package org.loyaltykpi.segment;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.OptionalInt;
import org.loyaltykpi.domain.CustomerId;

/**
 * One customer's {@link LifecycleStage} as of a day, with the inputs that decided it.
 *
 * <pre>{@code
 * CustomerStage s = stages.customers().get(0);
 * s.stage();                   // AT_RISK
 * s.daysSinceLastPurchase();   // OptionalInt[121]
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param customer the customer
 * @param stage its stage
 * @param purchaseDays its distinct purchase days before the day, {@code >= 0} (0 only for a prospect)
 * @param daysSinceLastPurchase as-of day minus last purchase day ({@code >= 1}); empty for a prospect
 * @param revenue its spend before the day net of its refunds before the day, at least 0
 */
public record CustomerStage(
        CustomerId customer,
        LifecycleStage stage,
        int purchaseDays,
        OptionalInt daysSinceLastPurchase,
        BigDecimal revenue) {

    /** Validates the record. */
    public CustomerStage {
        Objects.requireNonNull(customer, "customer must not be null");
        Objects.requireNonNull(stage, "stage must not be null");
        Objects.requireNonNull(daysSinceLastPurchase, "daysSinceLastPurchase must not be null");
        Objects.requireNonNull(revenue, "revenue must not be null");
        if (purchaseDays < 0 || (purchaseDays == 0) != (stage == LifecycleStage.PROSPECT)) {
            throw new IllegalArgumentException("purchaseDays " + purchaseDays + " does not fit the stage " + stage);
        }
        if (daysSinceLastPurchase.isPresent() == (stage == LifecycleStage.PROSPECT)) {
            throw new IllegalArgumentException(
                    "daysSinceLastPurchase " + daysSinceLastPurchase + " does not fit the stage " + stage);
        }
        if (revenue.signum() < 0) {
            throw new IllegalArgumentException("revenue must be >= 0: " + revenue);
        }
    }
}
