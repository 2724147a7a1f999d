package org.loyaltykpi.clv;

import java.util.Optional;
import org.loyaltykpi.domain.CustomerId;

/**
 * A customer's prediction intervals over a horizon (see {@link PredictionIntervals}).
 *
 * @param customer the customer
 * @param expectedPurchases the interval of the expected purchases over the horizon
 * @param clv the interval of the discounted customer lifetime value, empty without a spend model
 */
public record CustomerPredictionInterval(
        CustomerId customer, PredictionRange expectedPurchases, Optional<PredictionRange> clv) {}
