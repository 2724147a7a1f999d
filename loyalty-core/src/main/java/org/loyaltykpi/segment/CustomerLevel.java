package org.loyaltykpi.segment;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import org.loyaltykpi.domain.CustomerId;

/**
 * One customer's {@link LoyaltyLevel} as of a day, with the inputs that decided it.
 *
 * <pre>{@code
 * CustomerLevel l = levels.customers().get(0);
 * l.level();          // TRUE
 * l.attitude();       // Optional[HIGH]
 * l.purchaseDays();   // 6 distinct purchase days in the behaviour window
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param customer the customer
 * @param level its level
 * @param attitude its latest attitude, empty for {@link LoyaltyLevel#UNKNOWN}
 * @param purchaseDays distinct purchase days in the behaviour window, {@code >= 0}
 * @param revenue its spend in the behaviour window net of its refunds dated in the window, at least 0
 */
public record CustomerLevel(
        CustomerId customer, LoyaltyLevel level, Optional<Attitude> attitude, int purchaseDays, BigDecimal revenue) {

    /** Validates the record. */
    public CustomerLevel {
        Objects.requireNonNull(customer, "customer must not be null");
        Objects.requireNonNull(level, "level must not be null");
        Objects.requireNonNull(attitude, "attitude must not be null (use Optional.empty())");
        Objects.requireNonNull(revenue, "revenue must not be null");
        if (purchaseDays < 0) {
            throw new IllegalArgumentException("purchaseDays must be >= 0: " + purchaseDays);
        }
        if (revenue.signum() < 0) {
            throw new IllegalArgumentException("revenue must be >= 0: " + revenue);
        }
        if (attitude.isEmpty() != (level == LoyaltyLevel.UNKNOWN)) {
            throw new IllegalArgumentException("level " + level + " does not fit the attitude " + attitude);
        }
    }
}
